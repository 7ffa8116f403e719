using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Eventing.Inbox;

/// <summary>Delivers an event from the broker to the service's <typeparamref name="THandler"/>, once (see <see cref="IdempotentConsumer{TEvent}"/>).</summary>
public sealed class EventHandlerConsumer<TEvent, THandler>(
    UnitOfWorkFactory unitOfWorks, THandler handler, ILogger<EventHandlerConsumer<TEvent, THandler>> logger)
    : IdempotentConsumer<TEvent>(unitOfWorks, logger)
    where TEvent : class, IIntegrationEvent
    where THandler : class, IHandles<TEvent>
{
    // The handler's name, as when it was itself the consumer, so deliveries recorded before still count.
    protected override string InboxName => typeof(THandler).FullName!;

    protected override Task HandleAsync(TEvent message, UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, unitOfWork, cancellationToken);

    protected override Task AfterCommitAsync(TEvent message, CancellationToken cancellationToken) =>
        handler.AfterCommitAsync(message, cancellationToken);
}
