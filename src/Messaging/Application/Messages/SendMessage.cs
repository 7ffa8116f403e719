using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// Stores a message in a conversation I am in and hands it to every member's devices. The server
/// gives it the next sequence number and the time; the answer to the sender is the ✓. A message
/// whose client id was stored before is not stored again: the original comes back. Sends arriving
/// together are stored together (<see cref="MessageWriter"/>).
/// </summary>
public sealed class SendMessage(MessageWriter writer, IOptions<MessagingOptions> options)
{
    public async Task<Result<MessageView>> ExecuteAsync(Guid senderId, Guid conversationId, NewMessage message, CancellationToken cancellationToken) =>
        MessageBody.IsWithin(message.Body, options.Value.MaxBodyBytes)
            ? await writer.SubmitAsync(new PendingSend(senderId, conversationId, message), cancellationToken)
            : MessagingFailures.BodyTooLarge;
}
