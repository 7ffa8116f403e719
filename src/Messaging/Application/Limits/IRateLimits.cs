namespace ChatApp.Messaging.Application.Limits;

/// <summary>Per-person rate limits, shared by every replica.</summary>
public interface IRateLimits
{
    /// <summary>Takes one permit of <paramref name="action"/> for <paramref name="userId"/>: null when granted, else how long until one is free.</summary>
    Task<TimeSpan?> TakeAsync(Guid userId, LimitedAction action, CancellationToken cancellationToken);
}
