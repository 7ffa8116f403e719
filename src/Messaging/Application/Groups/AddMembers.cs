using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Users;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>Adds people to a group (owner and admins), up to the size limit. People already in it are left as they are.</summary>
public sealed class AddMembers(GroupAdministration groups, IUserDirectory users, IOptions<MessagingOptions> options)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid userId, Guid conversationId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        (await groups.RunAsync(userId, conversationId, async group =>
        {
            if (!GroupPolicy.CanAddMembers(group.ActorRole))
                return MessagingFailures.RoleTooLow("add members");
            var newcomers = userIds.Distinct().Where(id => group.Member(id) is null).ToList();
            if (group.Members.Count + newcomers.Count > options.Value.MaxGroupMembers)
                return MessagingFailures.GroupFull(options.Value.MaxGroupMembers);
            var known = await users.WhichAreKnownAsync(group.UnitOfWork, newcomers, cancellationToken);
            if (newcomers.Where(id => !known.Contains(id)).ToList() is { Count: > 0 } unknown)
                return MessagingFailures.UnknownUsers(unknown);
            await group.AddAsync(newcomers, cancellationToken);
            return null;
        }, cancellationToken)).Required();
}
