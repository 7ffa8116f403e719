using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>Gives a group a new name (owner and admins).</summary>
public sealed class RenameGroup(GroupAdministration groups)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid userId, Guid conversationId, string name, CancellationToken cancellationToken) =>
        (await groups.RunAsync(userId, conversationId, async group =>
        {
            if (!GroupPolicy.CanRename(group.ActorRole))
                return MessagingFailures.RoleTooLow("rename it");
            await group.RenameAsync(name, cancellationToken);
            return null;
        }, cancellationToken)).Required();
}
