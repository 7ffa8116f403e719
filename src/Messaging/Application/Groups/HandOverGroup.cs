using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>The owner makes another member the owner, and stays on as an admin.</summary>
public sealed class HandOverGroup(GroupAdministration groups)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid userId, Guid conversationId, Guid newOwnerId, CancellationToken cancellationToken) =>
        (await groups.RunAsync(userId, conversationId, async group =>
        {
            if (!GroupPolicy.CanHandOver(group.ActorRole))
                return MessagingFailures.RoleTooLow("hand the group over");
            if (newOwnerId == userId || group.Member(newOwnerId) is null)
                return MessagingFailures.NotAMember(newOwnerId);
            await group.SetRoleAsync(newOwnerId, MemberRole.Owner, cancellationToken);
            await group.SetRoleAsync(userId, MemberRole.Admin, cancellationToken);
            return null;
        }, cancellationToken)).Required();
}
