using System.Collections.Concurrent;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>Users whose first handling attempt should throw, to exercise the retry path; counts attempts.</summary>
public sealed class FailFirstAttempt
{
    private readonly ConcurrentDictionary<Guid, bool> _pending = new();
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public void For(Guid userId) => _pending[userId] = true;

    public int AttemptsFor(Guid userId) => _attempts.GetValueOrDefault(userId);

    public bool ShouldFail(Guid userId)
    {
        _attempts.AddOrUpdate(userId, 1, (_, n) => n + 1);
        return _pending.TryRemove(userId, out _);
    }
}

/// <summary>An event handler that writes a row per handled event, in the inbox's transaction.</summary>
public sealed class RecordHandledEvent(FailFirstAttempt failures) : IHandles<UserRegistered>
{
    public async Task HandleAsync(UserRegistered message, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        await UnitOfWork.Of(unitOfWork).ExecuteAsync(
            "INSERT INTO handled_events (user_id, handled_at) VALUES (@UserId, UTC_TIMESTAMP(6))",
            new { UserId = message.UserId.ToString() }, cancellationToken);
        if (failures.ShouldFail(message.UserId))
            throw new InvalidOperationException("Simulated failure after the handler's write: the whole transaction must roll back.");
    }
}
