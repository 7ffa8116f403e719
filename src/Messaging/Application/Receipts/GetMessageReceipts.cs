using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;

namespace ChatApp.Messaging.Application.Receipts;

/// <summary>Who of the other members (those in the conversation when it was sent) has received and read one message.</summary>
public sealed class GetMessageReceipts(IConversationStore conversations, IMessageStore messages, IReceiptStore receipts)
{
    public async Task<Result<MessageReceipts>> ExecuteAsync(Guid userId, Guid conversationId, long sequence, CancellationToken cancellationToken)
    {
        var membership = await conversations.FindMembershipAsync(null, conversationId, userId, cancellationToken);
        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        var senderId = await messages.SenderAsync(conversationId, sequence, cancellationToken);
        if (senderId is null || sequence <= membership.JoinedSequence)
            return MessagingFailures.MessageNotFound;

        var recipients = await receipts.OfRecipientsAsync(conversationId, senderId.Value, sequence, cancellationToken);
        return new MessageReceipts(conversationId, sequence, recipients.Count,
            [.. recipients.Where(member => member.DeliveredSequence >= sequence).Select(member => member.UserId)],
            [.. recipients.Where(member => member.ReadSequence >= sequence).Select(member => member.UserId)]);
    }
}
