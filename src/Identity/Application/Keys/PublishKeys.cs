using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Contracts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Keys;

/// <summary>
/// Makes a key set my current one. The one it replaces stays in my history (marked replaced), and
/// the change is announced as <see cref="UserKeysChanged"/> in the same transaction. Publishing my
/// current set again changes nothing; publishing an older one of mine makes it current again.
/// </summary>
public sealed class PublishKeys(
    UnitOfWorkFactory unitOfWorks, AttemptLimiter limiter, IOptions<RateLimitOptions> limits, SecurityEventLog securityEvents, TimeProvider clock)
{
    public async Task<Result<PublicKeyView>> ExecuteAsync(Guid userId, Guid sessionId, PublicKeySet keys, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        // One change at a time per user: the user's row is the lock.
        if (await unitOfWork.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM users WHERE id = @userId FOR UPDATE", new { userId }, cancellationToken) is null)
            throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        var current = await unitOfWork.QuerySingleOrDefaultAsync<KeyStore.KeyRow>(
            $"SELECT {KeyStore.ViewColumns} FROM user_keys WHERE user_id = @userId AND replaced_at IS NULL", new { userId }, cancellationToken);
        if (current is not null && current.KeyId == keys.KeyId)
            return current.ToView();

        if (await limiter.HitAsync(RateLimitBuckets.KeyChange(userId), limits.Value.KeyChangesPerAccount, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, userId, sessionId, "key change", cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        // To the microsecond, as DATETIME(6) keeps it: this answer equals every later one.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
        await unitOfWork.ExecuteAsync("UPDATE user_keys SET replaced_at = @now WHERE user_id = @userId AND replaced_at IS NULL",
            new { userId, now = now.UtcDateTime }, cancellationToken);
        await unitOfWork.ExecuteAsync("""
            INSERT INTO user_keys (user_id, key_id, agreement_key, signing_key, created_at, replaced_at)
            VALUES (@userId, @keyId, @agreementKey, @signingKey, @now, NULL)
            ON DUPLICATE KEY UPDATE created_at = @now, replaced_at = NULL
            """, new { userId, keyId = keys.KeyId, agreementKey = keys.AgreementKey, signingKey = keys.SigningKey, now = now.UtcDateTime }, cancellationToken);
        await unitOfWork.EnqueueEventAsync(new UserKeysChanged(userId, keys.KeyId, now), cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.KeysChanged, client, userId, sessionId, keys.KeyId, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return PublicKeyView.Of(userId, keys, now);
    }
}
