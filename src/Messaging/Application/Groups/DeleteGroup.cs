using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>The owner ends a group for everyone; its messages go with it.</summary>
public sealed class DeleteGroup(GroupAdministration groups)
{
    public async Task<Failure?> ExecuteAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken) =>
        (await groups.RunAsync(userId, conversationId, async group =>
        {
            if (!GroupPolicy.CanDelete(group.ActorRole))
                return MessagingFailures.RoleTooLow("delete it");
            await group.DeleteGroupAsync(cancellationToken);
            return null;
        }, cancellationToken)).Failure;
}
