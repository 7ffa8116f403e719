using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Calls.Application.History;

/// <summary>A person's call history, newest first, a page at a time.</summary>
public sealed class GetCallHistory(ICallHistory history)
{
    public const int MaxLimit = 100;

    public async Task<Result<CallHistoryPage>> ExecuteAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
            return Failure.Field(FailureKind.Invalid, "Bad page size", "limit", $"Ask for 1 to {MaxLimit} calls.");
        // One more than asked tells whether another page follows.
        var calls = await history.PageAsync(userId, before, limit + 1, cancellationToken);
        return calls.Count > limit
            ? new CallHistoryPage([.. calls.Take(limit)], calls[limit - 1].Id)
            : new CallHistoryPage(calls, null);
    }
}
