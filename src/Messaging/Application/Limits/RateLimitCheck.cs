using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Messaging.Application.Limits;

public static class RateLimitCheck
{
    /// <summary>Null when <paramref name="userId"/> may <paramref name="action"/> now; else the refusal, which says when to try again.</summary>
    public static async Task<Failure?> RefusalAsync(this IRateLimits limits, Guid userId, LimitedAction action, CancellationToken cancellationToken) =>
        await limits.TakeAsync(userId, action, cancellationToken) is { } retryAfter ? MessagingFailures.RateLimited(retryAfter) : null;
}
