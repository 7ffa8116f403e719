using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// The shared steps of editing and deleting: only the sender, only a message that is still
/// there, and a new conversation version so that devices syncing later see the change.
/// </summary>
public sealed class OwnMessageChange(IUnitOfWorkFactory unitOfWorks, IConversationStore conversations, IMessageStore messages, IChatBroadcast broadcast, TimeProvider clock)
{
    /// <param name="change">Sets the message's new state; gets the row with its new version and the time.</param>
    /// <param name="checkMembers">May refuse the change given the conversation's members now (read under the conversation's lock).</param>
    public async Task<Result<MessageView>> ApplyAsync(
        Guid userId, Guid conversationId, long sequence, Func<MessageRow, DateTime, MessageRow> change,
        Func<IReadOnlyList<Guid>, Failure?>? checkMembers, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var membership = await conversations.FindMembershipAsync(unitOfWork, conversationId, userId, cancellationToken, lockConversation: true);
        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        var message = await messages.FindAsync(unitOfWork, conversationId, sequence, cancellationToken);
        if (message is null || message.Sequence <= membership.JoinedSequence)
            return MessagingFailures.MessageNotFound;
        if (message.SenderId != userId)
            return MessagingFailures.NotYourMessage;
        if (message.DeletedAt is not null)
            return MessagingFailures.MessageDeleted;

        // The conversation is locked: nobody joins or leaves before this commits.
        var members = await conversations.MemberIdsAsync(unitOfWork, conversationId, cancellationToken);
        if (checkMembers?.Invoke(members) is { } refused)
            return refused;

        var changed = change(message with { Version = membership.LastVersion + 1 }, Times.Now(clock));
        await messages.UpdateAsync(unitOfWork, changed, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        var view = changed.ToView();
        await broadcast.MessageChangedAsync(members, view);
        return view;
    }
}
