using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChatApp.BuildingBlocks.Persistence;
using Dapper;
using Microsoft.AspNetCore.DataProtection;

namespace ChatApp.Identity.Infrastructure.Secrets;

/// <summary>
/// Identity's HMAC keys, one per purpose, kept in the database (hmac_keys) encrypted with Data
/// Protection under that purpose: every replica uses the same key, and whoever reads the table
/// cannot use it. A key is made by whichever replica needs it first (INSERT IGNORE: the first one
/// made wins), then held in memory.
/// </summary>
public sealed class HmacKeys(ServiceDatabase database, IDataProtectionProvider protection, TimeProvider clock)
{
    private const int KeyLength = 32;
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public async Task<byte[]> GetAsync(string purpose, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(purpose, out var known))
            return known;
        var protector = protection.CreateProtector(purpose);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT IGNORE INTO hmac_keys (purpose, secret, created_at) VALUES (@purpose, @secret, @now)",
            new { purpose, secret = protector.Protect(RandomNumberGenerator.GetBytes(KeyLength)), now = clock.GetUtcNow().UtcDateTime },
            cancellationToken: cancellationToken));
        var stored = await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(
            "SELECT secret FROM hmac_keys WHERE purpose = @purpose", new { purpose }, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"The HMAC key for {purpose} was not stored.");
        return _keys.GetOrAdd(purpose, protector.Unprotect(stored));
    }
}
