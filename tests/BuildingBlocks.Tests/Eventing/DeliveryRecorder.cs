using System.Collections.Concurrent;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Testing;
using MassTransit;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>
/// Every delivery that reached the bus, as the broker made it: observed before the inbox, so
/// duplicates from the publishing side show.
/// </summary>
public sealed class DeliveryRecorder : IConsumeObserver
{
    private readonly ConcurrentQueue<(Guid MessageId, Guid UserId)> _deliveries = new();

    public void Record(Guid messageId, Guid userId) => _deliveries.Enqueue((messageId, userId));

    public IReadOnlyList<(Guid MessageId, Guid UserId)> DeliveriesOf(IEnumerable<Guid> userIds)
    {
        var wanted = userIds.ToHashSet();
        return _deliveries.Where(d => wanted.Contains(d.UserId)).ToList();
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is UserRegistered registered)
            Record(context.MessageId ?? Guid.Empty, registered.UserId);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    /// <summary>Waits until at least <paramref name="count"/> deliveries of these users arrived.</summary>
    public Task WaitForAsync(IEnumerable<Guid> userIds, int count, TimeSpan timeout)
    {
        var ids = userIds.ToList();
        return Eventually.HoldsAsync(() => DeliveriesOf(ids).Count >= count, timeout,
            () => $"Only {DeliveriesOf(ids).Count} of {count} deliveries arrived");
    }
}

/// <summary>Accepts each event and does nothing: the tests watch deliveries with <see cref="DeliveryRecorder"/>.</summary>
public sealed class AcceptUserRegistered : IHandles<UserRegistered>
{
    public Task HandleAsync(UserRegistered message, IUnitOfWork unitOfWork, CancellationToken cancellationToken) => Task.CompletedTask;
}
