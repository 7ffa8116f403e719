using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Keys;

/// <summary>Stores my encrypted key backup, replacing the one I had. It must name one of my published key sets.</summary>
public sealed class StoreKeyBackup(
    UnitOfWorkFactory unitOfWorks, AttemptLimiter limiter, IOptions<RateLimitOptions> limits, SecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure UnknownKeyId =
        Failure.Field(FailureKind.Invalid, "Unknown key set", "keyId", "Back up keys you have published: this key id is not one of yours.");

    public async Task<Result<bool>> ExecuteAsync(Guid userId, Guid sessionId, KeyBackup backup, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (await unitOfWork.QuerySingleOrDefaultAsync<int?>("SELECT 1 FROM user_keys WHERE user_id = @userId AND key_id = @keyId",
                new { userId, keyId = backup.KeyId }, cancellationToken) is null)
            return UnknownKeyId;

        if (await limiter.HitAsync(RateLimitBuckets.KeyBackupWrite(userId), limits.Value.KeyBackupWritesPerAccount, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, userId, sessionId, "key backup", cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        await unitOfWork.ExecuteAsync("""
            INSERT INTO key_backups (user_id, key_id, salt, iterations, iv, ciphertext, updated_at)
            VALUES (@userId, @keyId, @salt, @iterations, @iv, @ciphertext, @now)
            ON DUPLICATE KEY UPDATE key_id = @keyId, salt = @salt, iterations = @iterations, iv = @iv, ciphertext = @ciphertext, updated_at = @now
            """, new { userId, keyId = backup.KeyId, salt = backup.Salt, iterations = backup.Iterations, iv = backup.Iv, ciphertext = backup.Ciphertext, now = clock.GetUtcNow().UtcDateTime },
            cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.KeyBackupStored, client, userId, sessionId, backup.KeyId, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return true;
    }
}
