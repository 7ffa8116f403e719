using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>
/// Runs a change to a group that I am in: locks the group, lets <c>change</c> refuse or act,
/// commits, and tells the members (the remaining ones the new state, the removed ones that it is gone).
/// </summary>
public sealed class GroupAdministration(IUnitOfWorkFactory unitOfWorks, IConversationStore conversations, IGroupStore store, IChatBroadcast broadcast, TimeProvider clock)
{
    public async Task<Result<ConversationDetail?>> RunAsync(
        Guid userId, Guid conversationId, Func<GroupChange, Task<Failure?>> change, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var actor = await conversations.FindMembershipAsync(unitOfWork, conversationId, userId, cancellationToken, lockConversation: true);
        if (actor is null)
            return MessagingFailures.ConversationNotFound;
        if (actor.Kind != ConversationKind.Group)
            return MessagingFailures.NotAGroup;

        var members = await store.MembersAsync(unitOfWork, conversationId, cancellationToken);
        var group = new GroupChange(store, unitOfWork, actor, members, clock.GetUtcNow().UtcDateTime);
        if (await change(group) is { } failure)
            return failure;

        var detail = group.Deleted ? null : await conversations.DetailAsync(unitOfWork, conversationId, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        if (group.Removed.Count > 0)
            await broadcast.ConversationRemovedAsync(group.Removed, conversationId);
        if (detail is not null)
            await broadcast.ConversationChangedAsync([.. detail.Members.Select(member => member.UserId)], detail);
        return detail;
    }
}
