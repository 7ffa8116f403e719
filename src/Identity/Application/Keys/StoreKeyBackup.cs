using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Keys;

/// <summary>Stores my encrypted key backup, replacing the one I had. It must name one of my published key sets.</summary>
public sealed class StoreKeyBackup(
    IUnitOfWorkFactory unitOfWorks, IUserKeys keys, IAttemptLimiter limiter, IOptions<RateLimitOptions> limits, ISecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure UnknownKeyId =
        Failure.Field(FailureKind.Invalid, "Unknown key set", "keyId", "Back up keys you have published: this key id is not one of yours.");

    public async Task<Result<bool>> ExecuteAsync(Guid userId, Guid sessionId, KeyBackup backup, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (!await keys.IsPublishedAsync(unitOfWork, userId, backup.KeyId, cancellationToken))
            return UnknownKeyId;

        if (await limiter.HitAsync(RateLimitBuckets.KeyBackupWrite(userId), limits.Value.KeyBackupWritesPerAccount, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, userId, sessionId, "key backup", cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        await keys.SaveBackupAsync(unitOfWork, userId, backup, clock.GetUtcNow(), cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.KeyBackupStored, client, userId, sessionId, backup.KeyId, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return true;
    }
}
