using ChatApp.Identity.Application.Security;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Keys;

/// <summary>
/// My encrypted key backup, for a new browser of mine to restore my keys from. Only ever the
/// caller's own, and only so often: it can be attacked offline by guessing the passphrase.
/// </summary>
public sealed class GetKeyBackup(
    IUserKeys keys, IAttemptLimiter limiter, IOptions<RateLimitOptions> limits, ISecurityEventLog securityEvents)
{
    public static readonly Failure NoBackup = new(FailureKind.NotFound, "No key backup", "You have not stored a key backup.");

    public async Task<Result<KeyBackupView>> ExecuteAsync(Guid userId, Guid sessionId, Client client, CancellationToken cancellationToken)
    {
        if (await limiter.HitAsync(RateLimitBuckets.KeyBackupRead(userId), limits.Value.KeyBackupReadsPerAccount, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, userId, sessionId, "key backup read", cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        var backup = await keys.FindBackupAsync(userId, cancellationToken);
        if (backup is null)
            return NoBackup;
        await securityEvents.RecordAsync(SecurityEventKind.KeyBackupRead, client, userId, sessionId, backup.KeyId, cancellationToken);
        return backup;
    }
}
