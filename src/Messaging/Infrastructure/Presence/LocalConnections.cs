using System.Collections.Concurrent;

namespace ChatApp.Messaging.Infrastructure.Presence;

/// <summary>The hub connections open on this replica: what it renews in the shared presence store.</summary>
public sealed class LocalConnections
{
    private readonly ConcurrentDictionary<string, Guid> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public void Add(string connectionId, Guid userId) => _connections[connectionId] = userId;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyCollection<(Guid UserId, string ConnectionId)> Snapshot() =>
        [.. _connections.Select(entry => (entry.Value, entry.Key))];
}
