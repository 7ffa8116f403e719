namespace ChatApp.Identity.Application.Security;

/// <summary>Attempt limits that hold across every replica of the service.</summary>
public interface IAttemptLimiter
{
    /// <summary>Counts one attempt against <paramref name="bucket"/>; says when to retry if the limit is reached.</summary>
    Task<TimeSpan?> HitAsync(string bucket, RateLimit limit, CancellationToken cancellationToken);
}
