using MassTransit;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Eventing.Inbox;

/// <summary>
/// A consumer that handles each message once, however often the broker delivers it. The
/// inbox row and the handler's changes commit in one transaction: a failed handler leaves
/// no inbox row, so the retry runs it again; a redelivery after success finds the row and
/// stops. Messages are recognised by their message id, which the outbox keeps stable.
/// </summary>
public abstract partial class IdempotentConsumer<TEvent>(UnitOfWorkFactory unitOfWorkFactory, ILogger logger) : IConsumer<TEvent>
    where TEvent : class
{
    private const int ConsumerNameLength = 200;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TEvent).Name} arrived without a message id; it cannot be deduplicated.");
        var consumer = InboxName is { Length: > ConsumerNameLength } name ? name[..ConsumerNameLength] : InboxName;

        await using (var unitOfWork = await unitOfWorkFactory.BeginAsync(context.CancellationToken))
        {
            var firstTime = await unitOfWork.ExecuteAsync(
                "INSERT IGNORE INTO inbox_messages (message_id, consumer, processed_at) VALUES (@messageId, @consumer, UTC_TIMESTAMP(6))",
                new { messageId, consumer }, context.CancellationToken) == 1;
            if (!firstTime)
            {
                LogDuplicate(logger, typeof(TEvent).Name, messageId);
                return;
            }

            await HandleAsync(context.Message, unitOfWork, context.CancellationToken);
            await unitOfWork.CommitAsync(context.CancellationToken);
        }

        await AfterCommitAsync(context.Message, context.CancellationToken);
    }

    /// <summary>Who handled a message, in the inbox: the same message may be handled by several consumers of one service.</summary>
    protected virtual string InboxName => GetType().FullName!;

    /// <summary>Does the work for a message seen for the first time, inside <paramref name="unitOfWork"/>.</summary>
    protected abstract Task HandleAsync(TEvent message, UnitOfWork unitOfWork, CancellationToken cancellationToken);

    /// <summary>
    /// Runs once the handler's changes have committed, only for a message handled the first time
    /// (a redelivery skips it like the handler): to push what changed to connected devices, say.
    /// It is not run again if it fails (the inbox row is committed), so it must be a courtesy the
    /// committed state does not depend on.
    /// </summary>
    protected virtual Task AfterCommitAsync(TEvent message, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventType} {MessageId} was already handled; skipping the redelivery")]
    private static partial void LogDuplicate(ILogger logger, string eventType, Guid messageId);
}
