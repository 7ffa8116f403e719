using System.Collections.Concurrent;

namespace ChatApp.Messaging.Infrastructure.Presence;

/// <summary>
/// The hub connections open on this replica: what it renews in the shared presence store, and
/// what it closes when the session a connection's access token belongs to ends.
/// </summary>
public sealed class LocalConnections
{
    private readonly ConcurrentDictionary<string, LocalConnection> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    /// <param name="sessionId">The session of the access token the connection was opened with (its <c>sid</c>).</param>
    /// <param name="abort">Closes the connection.</param>
    public void Add(string connectionId, Guid userId, Guid sessionId, Action abort) =>
        _connections[connectionId] = new LocalConnection(connectionId, userId, sessionId, abort);

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyCollection<(Guid UserId, string ConnectionId)> Snapshot() =>
        [.. _connections.Select(entry => (entry.Value.UserId, entry.Key))];

    /// <summary>The sessions whose access tokens opened the connections here.</summary>
    public IReadOnlyCollection<Guid> Sessions() => [.. _connections.Values.Select(connection => connection.SessionId).Distinct()];

    /// <summary>The connections here opened with an access token of one of these sessions.</summary>
    public IReadOnlyList<LocalConnection> OfSessions(IReadOnlyCollection<Guid> sessionIds)
    {
        var sessions = sessionIds as ISet<Guid> ?? sessionIds.ToHashSet();
        return [.. _connections.Values.Where(connection => sessions.Contains(connection.SessionId))];
    }
}

/// <summary>A hub connection open on this replica.</summary>
public sealed record LocalConnection(string ConnectionId, Guid UserId, Guid SessionId, Action Abort);
