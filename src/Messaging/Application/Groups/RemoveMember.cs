using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>Takes someone out of a group: the owner anyone, an admin plain members.</summary>
public sealed class RemoveMember(GroupAdministration groups)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid userId, Guid conversationId, Guid memberId, CancellationToken cancellationToken) =>
        (await groups.RunAsync(userId, conversationId, async group =>
        {
            if (memberId == userId)
                return Failure.Field(FailureKind.Invalid, "Use leave", "userId", "To leave a group, leave it.");
            if (group.Member(memberId) is not { } target)
                return MessagingFailures.NotAMember(memberId);
            if (!GroupPolicy.CanRemove(group.ActorRole, target.Role))
                return MessagingFailures.RoleTooLow($"remove a member whose role is {target.Role}");
            await group.RemoveAsync(memberId, cancellationToken);
            return null;
        }, cancellationToken)).Required();
}
