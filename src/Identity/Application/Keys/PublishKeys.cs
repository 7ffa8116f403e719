using ChatApp.Contracts;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Keys;

/// <summary>
/// Makes a key set my current one. The one it replaces stays in my history (marked replaced), and
/// the change is announced as <see cref="UserKeysChanged"/> in the same transaction. Publishing my
/// current set again changes nothing; publishing an older one of mine makes it current again.
/// </summary>
public sealed class PublishKeys(
    IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, IUserKeys userKeys, IAttemptLimiter limiter, IOptions<RateLimitOptions> limits,
    ISecurityEventLog securityEvents, TimeProvider clock)
{
    public async Task<Result<PublicKeyView>> ExecuteAsync(Guid userId, Guid sessionId, PublicKeySet keys, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        // One change at a time per user: the user's row is the lock.
        if (await accounts.FindByIdAsync(unitOfWork, userId, cancellationToken, forUpdate: true) is null)
            throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        var current = await userKeys.FindCurrentAsync(unitOfWork, userId, cancellationToken);
        if (current is not null && current.KeyId == keys.KeyId)
            return current;

        if (await limiter.HitAsync(RateLimitBuckets.KeyChange(userId), limits.Value.KeyChangesPerAccount, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, userId, sessionId, "key change", cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        // To the microsecond, as DATETIME(6) keeps it: this answer equals every later one.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
        await userKeys.PublishAsync(unitOfWork, userId, keys, now, cancellationToken);
        await unitOfWork.EnqueueEventAsync(new UserKeysChanged(userId, keys.KeyId, now), cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.KeysChanged, client, userId, sessionId, keys.KeyId, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return PublicKeyView.Of(userId, keys, now);
    }
}
