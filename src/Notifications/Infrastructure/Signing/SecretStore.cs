using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Notifications.Infrastructure.Signing;

/// <summary>
/// Random keys the service makes for itself on first use and keeps in its database, so every
/// replica signs and checks with the same one and nobody has to configure it.
/// </summary>
public sealed class SecretStore(ServiceDatabase database, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, byte[]> _cache = new();

    public async Task<byte[]> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(name, out var cached))
            return cached;

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // The first replica to get here wins; the others read its key.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT IGNORE INTO secrets (name, value, created_at) VALUES (@name, @value, @now)",
            new { name, value = RandomNumberGenerator.GetBytes(32), now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
        var value = await connection.QuerySingleAsync<byte[]>(new CommandDefinition(
            "SELECT value FROM secrets WHERE name = @name", new { name }, cancellationToken: cancellationToken));
        return _cache.GetOrAdd(name, value);
    }
}
