using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Limits;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// Stores a message in a conversation I am in and hands it to every member's devices. The server
/// gives it the next sequence number and the time; the answer to the sender is the ✓. A message
/// whose client id was stored before is not stored again: the original comes back. Sends arriving
/// together are stored together (<see cref="MessageWriter"/>). The envelope must be well formed,
/// name me as its sender, and hold a key for each member of the conversation and nobody else
/// (checked by the writer, with the members as they are when it is stored).
/// </summary>
public sealed class SendMessage(MessageWriter writer, IRateLimits limits, IOptions<MessagingOptions> options)
{
    public async Task<Result<MessageView>> ExecuteAsync(Guid senderId, Guid conversationId, NewMessage message, CancellationToken cancellationToken)
    {
        if (await limits.RefusalAsync(senderId, LimitedAction.Send, cancellationToken) is { } tooMany)
            return tooMany;
        var envelope = SentEnvelope.Read(message.Body, senderId, options.Value.MaxBodyBytes);
        return envelope.Failure is { } failure
            ? failure
            : await ExecuteAsync(senderId, conversationId, message, envelope.Value!, cancellationToken);
    }

    /// <summary>For a caller that has read the envelope already (<see cref="SentEnvelope.Read"/>).</summary>
    internal Task<Result<MessageView>> ExecuteAsync(Guid senderId, Guid conversationId, NewMessage message, MessageEnvelope envelope, CancellationToken cancellationToken) =>
        writer.SubmitAsync(new PendingSend(senderId, conversationId, message, envelope), cancellationToken);
}
