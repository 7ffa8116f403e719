using System.Collections.Concurrent;
using ChatApp.Contracts;
using ChatApp.Testing;
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
    public Task WaitForAsync(IEnumerable<Guid> userIds, int count, TimeSpan timeout)
    {
        var ids = userIds.ToList();
        return Eventually.HoldsAsync(() => DeliveriesOf(ids).Count >= count, timeout,
            () => $"Only {DeliveriesOf(ids).Count} of {count} deliveries arrived");
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
