using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.RateLimiting;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Keys;

/// <summary>
/// My encrypted key backup, for a new browser of mine to restore my keys from. Only ever the
/// caller's own, and only so often: it can be attacked offline by guessing the passphrase.
/// </summary>
public sealed class GetKeyBackup(
    ServiceDatabase database, AttemptLimiter limiter, IOptions<RateLimitOptions> limits, SecurityEventLog securityEvents)
{
    public static readonly Failure NoBackup = new(FailureKind.NotFound, "No key backup", "You have not stored a key backup.");

    public async Task<Result<KeyBackupView>> ExecuteAsync(Guid userId, Guid sessionId, Client client, CancellationToken cancellationToken)
    {
        if (await limiter.HitAsync(RateLimitBuckets.KeyBackupRead(userId), limits.Value.KeyBackupReadsPerAccount, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, userId, sessionId, "key backup read", cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BackupRow>(new CommandDefinition("""
            SELECT key_id AS KeyId, salt AS Salt, iterations AS Iterations, iv AS Iv, ciphertext AS Ciphertext, updated_at AS UpdatedAt
            FROM key_backups WHERE user_id = @userId
            """, new { userId }, cancellationToken: cancellationToken));
        if (row is null)
            return NoBackup;
        await securityEvents.RecordAsync(SecurityEventKind.KeyBackupRead, client, userId, sessionId, row.KeyId, cancellationToken);
        return new KeyBackupView(row.KeyId, KeyEncoding.Encode(row.Salt), row.Iterations, KeyEncoding.Encode(row.Iv), KeyEncoding.Encode(row.Ciphertext),
            new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero));
    }

    private sealed record BackupRow(string KeyId, byte[] Salt, int Iterations, byte[] Iv, byte[] Ciphertext, DateTime UpdatedAt);
}
