using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;
using Dapper;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// Stores a message in a conversation I am in and hands it to every member's devices. The server
/// gives it the next sequence number and the time; the answer to the sender is the ✓. A message
/// whose client id was stored before is not stored again: the original comes back.
/// </summary>
public sealed class SendMessage(UnitOfWorkFactory unitOfWorks, IChatBroadcast broadcast, IOptions<MessagingOptions> options, TimeProvider clock)
{
    private static readonly Failure ClientIdReused =
        Failure.Field(FailureKind.Conflict, "Client message id reused", "clientMessageId", "This id belongs to a message in another conversation.");

    public async Task<Result<MessageView>> ExecuteAsync(Guid senderId, Guid conversationId, NewMessage message, CancellationToken cancellationToken)
    {
        if (!MessageBody.IsWithin(message.Body, options.Value.MaxBodyBytes))
            return MessagingFailures.BodyTooLarge;

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        // One round trip reads all a send needs. Locking the conversation first puts two sends of
        // one conversation in a row: gapless sequence numbers, and a retry that raced its original
        // finds it stored (each statement of a READ COMMITTED transaction sees the latest commits).
        Membership? membership;
        MessageRow? original;
        List<Guid> members;
        await using (var reads = await unitOfWork.Connection.QueryMultipleAsync(new CommandDefinition(
            ConversationStore.MembershipSql(lockConversation: true)
            + $"SELECT {MessageRow.Columns} FROM messages WHERE sender_id = @userId AND client_message_id = @clientMessageId;"
            + ConversationStore.MemberIdsSql,
            new { conversationId, userId = senderId, clientMessageId = message.ClientMessageId }, unitOfWork.Transaction, cancellationToken: cancellationToken)))
        {
            membership = await reads.ReadSingleOrDefaultAsync<Membership>();
            original = await reads.ReadSingleOrDefaultAsync<MessageRow>();
            members = [.. await reads.ReadAsync<Guid>()];
        }

        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        if (original is not null)
            return original.ConversationId == conversationId ? original.ToView() : ClientIdReused;

        if (message.ReplyToSequence is { } replyTo && (replyTo <= membership.JoinedSequence || replyTo > membership.LastSequence))
            return Failure.Field(FailureKind.Invalid, "No such message", "replyToSequence", "The message replied to is not in this conversation.");

        var now = Times.Now(clock);
        var row = new MessageRow(conversationId, membership.LastSequence + 1, membership.LastVersion + 1, senderId,
            message.ClientMessageId, message.Body, message.ReplyToSequence, now, null, null);
        // One round trip: the counters, the message, and the sender's own pointers (they have read what they wrote).
        try
        {
            await unitOfWork.ExecuteAsync("""
                UPDATE conversations SET last_sequence = @Sequence, last_version = @Version, last_activity_at = @SentAt WHERE id = @ConversationId;
                INSERT INTO messages (conversation_id, sequence, version, sender_id, client_message_id, body, reply_to_sequence, sent_at)
                VALUES (@ConversationId, @Sequence, @Version, @SenderId, @ClientMessageId, @Body, @ReplyToSequence, @SentAt);
                UPDATE conversation_members SET delivered_sequence = @Sequence, read_sequence = @Sequence
                WHERE conversation_id = @ConversationId AND user_id = @SenderId;
                """, row, cancellationToken);
        }
        // The conversation's lock serialises retries within it; the same id sent into another
        // conversation at the same moment meets the unique key instead.
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return ClientIdReused;
        }

        await unitOfWork.CommitAsync(cancellationToken);

        var view = row.ToView();
        await broadcast.MessageAddedAsync(members, view);
        return view;
    }
}
