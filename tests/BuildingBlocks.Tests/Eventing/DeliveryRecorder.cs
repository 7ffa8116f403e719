using System.Collections.Concurrent;
using ChatApp.Contracts;
using MassTransit;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>Every delivery that reached a consumer, as the broker made it (no deduplication).</summary>
public sealed class DeliveryRecorder
{
    private readonly ConcurrentQueue<(Guid MessageId, Guid UserId)> _deliveries = new();

    public void Record(Guid messageId, Guid userId) => _deliveries.Enqueue((messageId, userId));

    public IReadOnlyList<(Guid MessageId, Guid UserId)> DeliveriesOf(IEnumerable<Guid> userIds)
    {
        var wanted = userIds.ToHashSet();
        return _deliveries.Where(d => wanted.Contains(d.UserId)).ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries of these users arrived.</summary>
    public async Task WaitForAsync(IEnumerable<Guid> userIds, int count, TimeSpan timeout)
    {
        var ids = userIds.ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (DeliveriesOf(ids).Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Only {DeliveriesOf(ids).Count} of {count} deliveries arrived within {timeout}.");
            await Task.Delay(20);
        }
    }
}

/// <summary>A plain consumer: records each delivery, so duplicates from the publishing side show.</summary>
public sealed class RecordingConsumer(DeliveryRecorder recorder) : IConsumer<UserRegistered>
{
    public Task Consume(ConsumeContext<UserRegistered> context)
    {
        recorder.Record(context.MessageId ?? Guid.Empty, context.Message.UserId);
        return Task.CompletedTask;
    }
}
