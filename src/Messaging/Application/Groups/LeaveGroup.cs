using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>
/// I leave a group. As its owner I may name who takes over; otherwise the admin who joined
/// first inherits it (else the member who joined first), and the last one out ends it.
/// </summary>
public sealed class LeaveGroup(GroupAdministration groups)
{
    public async Task<Result<ConversationDetail?>> ExecuteAsync(Guid userId, Guid conversationId, Guid? newOwnerId, CancellationToken cancellationToken) =>
        await groups.RunAsync(userId, conversationId, async group =>
        {
            if (group.ActorRole != MemberRole.Owner)
            {
                await group.RemoveAsync(userId, cancellationToken);
                return null;
            }

            if (newOwnerId is { } heir && (heir == userId || group.Member(heir) is null))
                return MessagingFailures.NotAMember(heir, "newOwnerId");
            await group.OwnerLeavesAsync(newOwnerId, cancellationToken);
            return null;
        }, cancellationToken);
}
