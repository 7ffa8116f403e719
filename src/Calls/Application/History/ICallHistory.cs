namespace ChatApp.Calls.Application.History;

/// <summary>Ended calls as each person's history, read from the calls store.</summary>
public interface ICallHistory
{
    /// <summary>The person's ended calls, newest first, older than the call <paramref name="before"/> if given.</summary>
    Task<IReadOnlyList<CallHistoryItem>> PageAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken);

    Task<int> CountUnseenMissedAsync(Guid userId, CancellationToken cancellationToken);

    Task MarkMissedSeenAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}
