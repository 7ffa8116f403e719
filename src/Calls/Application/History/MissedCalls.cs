namespace ChatApp.Calls.Application.History;

/// <summary>How many missed calls wait to be seen: the badge on the calls tab.</summary>
public sealed class CountMissedCalls(ICallHistory history)
{
    public async Task<MissedCallCount> ExecuteAsync(Guid userId, CancellationToken cancellationToken) =>
        new(await history.CountUnseenMissedAsync(userId, cancellationToken));
}

/// <summary>The person has looked at their missed calls: the badge clears.</summary>
public sealed class MarkMissedCallsSeen(ICallHistory history, TimeProvider clock)
{
    public async Task<MissedCallCount> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await history.MarkMissedSeenAsync(userId, clock.GetUtcNow(), cancellationToken);
        return new MissedCallCount(await history.CountUnseenMissedAsync(userId, cancellationToken));
    }
}
