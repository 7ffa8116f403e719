using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using Dapper;

namespace ChatApp.Messaging.Application.Receipts;

/// <summary>Who of the other members (those in the conversation when it was sent) has received and read one message.</summary>
public sealed class GetMessageReceipts(ServiceDatabase database)
{
    public async Task<Result<MessageReceipts>> ExecuteAsync(Guid userId, Guid conversationId, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var membership = await ConversationStore.FindMembershipAsync(connection, null, conversationId, userId, cancellationToken);
        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        var senderId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT sender_id FROM messages WHERE conversation_id = @conversationId AND sequence = @sequence",
            new { conversationId, sequence }, cancellationToken: cancellationToken));
        if (senderId is null || sequence <= membership.JoinedSequence)
            return MessagingFailures.MessageNotFound;

        var recipients = (await connection.QueryAsync<MemberReceipts>(new CommandDefinition("""
            SELECT conversation_id, user_id, delivered_sequence, read_sequence FROM conversation_members
            WHERE conversation_id = @conversationId AND user_id <> @senderId AND joined_sequence < @sequence
            ORDER BY user_id
            """, new { conversationId, senderId, sequence }, cancellationToken: cancellationToken))).ToList();
        return new MessageReceipts(conversationId, sequence, recipients.Count,
            [.. recipients.Where(member => member.DeliveredSequence >= sequence).Select(member => member.UserId)],
            [.. recipients.Where(member => member.ReadSequence >= sequence).Select(member => member.UserId)]);
    }
}
