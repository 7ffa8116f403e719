using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>Makes a member an admin or an admin a member again (the owner only).</summary>
public sealed class ChangeMemberRole(GroupAdministration groups)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid userId, Guid conversationId, Guid memberId, MemberRole role, CancellationToken cancellationToken) =>
        (await groups.RunAsync(userId, conversationId, async group =>
        {
            if (group.Member(memberId) is not { } target)
                return MessagingFailures.NotAMember(memberId);
            if (!GroupPolicy.CanChangeRole(group.ActorRole, target.Role, role))
                return role == MemberRole.Owner
                    ? Failure.Field(FailureKind.Invalid, "Hand over instead", "role", "Ownership moves by handing the group over.")
                    : MessagingFailures.RoleTooLow("change roles");
            await group.SetRoleAsync(memberId, role, cancellationToken);
            return null;
        }, cancellationToken)).Required();
}
