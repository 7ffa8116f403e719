using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChatApp.BuildingBlocks.Persistence;
using Dapper;
using Microsoft.AspNetCore.DataProtection;

namespace ChatApp.Notifications.Infrastructure.Signing;

/// <summary>
/// Random keys the service makes for itself on first use and keeps in its database, so every
/// replica signs and checks with the same one and nobody has to configure it. They are stored
/// encrypted with Data Protection: whoever reads the table cannot sign unsubscribe links.
/// </summary>
public sealed class SecretStore(ServiceDatabase database, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Purpose = "ChatApp.Notifications.Secrets";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);
    private readonly ConcurrentDictionary<string, byte[]> _cache = new();

    public async Task<byte[]> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(name, out var cached))
            return cached;

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // The first replica to get here wins; the others read its key.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT IGNORE INTO secrets (name, value, is_protected, created_at) VALUES (@name, @value, TRUE, @now)",
            new { name, value = _protector.Protect(RandomNumberGenerator.GetBytes(32)), now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
        var (value, isProtected) = await connection.QuerySingleAsync<(byte[] Value, bool IsProtected)>(new CommandDefinition(
            "SELECT value, is_protected FROM secrets WHERE name = @name", new { name }, cancellationToken: cancellationToken));
        // A key from before keys were encrypted is still in clear until the next start-up encrypts it.
        return _cache.GetOrAdd(name, isProtected ? _protector.Unprotect(value) : value);
    }
}
