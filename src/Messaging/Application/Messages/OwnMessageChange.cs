using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// The shared steps of editing and deleting: only the sender, only a message that is still
/// there, and a new conversation version so that devices syncing later see the change.
/// </summary>
public sealed class OwnMessageChange(UnitOfWorkFactory unitOfWorks, IChatBroadcast broadcast, TimeProvider clock)
{
    /// <param name="change">Sets the message's new state; gets the row with its new version and the time.</param>
    /// <param name="checkMembers">May refuse the change given the conversation's members now (read under the conversation's lock).</param>
    public async Task<Result<MessageView>> ApplyAsync(
        Guid userId, Guid conversationId, long sequence, Func<MessageRow, DateTime, MessageRow> change, string updateSql,
        Func<IReadOnlyList<Guid>, Failure?>? checkMembers, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var membership = await ConversationStore.FindMembershipAsync(
            unitOfWork.Connection, unitOfWork.Transaction, conversationId, userId, cancellationToken, lockConversation: true);
        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        var message = await unitOfWork.QuerySingleOrDefaultAsync<MessageRow>(
            $"SELECT {MessageRow.Columns} FROM messages WHERE conversation_id = @conversationId AND sequence = @sequence",
            new { conversationId, sequence }, cancellationToken);
        if (message is null || message.Sequence <= membership.JoinedSequence)
            return MessagingFailures.MessageNotFound;
        if (message.SenderId != userId)
            return MessagingFailures.NotYourMessage;
        if (message.DeletedAt is not null)
            return MessagingFailures.MessageDeleted;

        // The conversation is locked: nobody joins or leaves before this commits.
        var members = await ConversationStore.MemberIdsAsync(unitOfWork.Connection, unitOfWork.Transaction, conversationId, cancellationToken);
        if (checkMembers?.Invoke(members) is { } refused)
            return refused;

        var changed = change(message with { Version = membership.LastVersion + 1 }, Times.Now(clock));
        await unitOfWork.ExecuteAsync($"""
            UPDATE conversations SET last_version = @Version WHERE id = @ConversationId;
            UPDATE messages SET version = @Version, {updateSql} WHERE conversation_id = @ConversationId AND sequence = @Sequence;
            """, changed, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        var view = changed.ToView();
        await broadcast.MessageChangedAsync(members, view);
        return view;
    }
}
