using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Users;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>Starts a group with a name and its first members; I own it.</summary>
public sealed class CreateGroup(
    IUnitOfWorkFactory unitOfWorks, IConversationStore conversations, IGroupStore groups, IUserDirectory users, IChatBroadcast broadcast, IOptions<MessagingOptions> options, TimeProvider clock)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid ownerId, string name, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var others = memberIds.Where(id => id != ownerId).Distinct().ToList();
        if (others.Count + 1 > options.Value.MaxGroupMembers)
            return MessagingFailures.GroupFull(options.Value.MaxGroupMembers, "memberIds");

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var known = await users.WhichAreKnownAsync(unitOfWork, others, cancellationToken);
        if (others.Where(id => !known.Contains(id)).ToList() is { Count: > 0 } unknown)
            return MessagingFailures.UnknownUsers(unknown, "memberIds");

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        await groups.CreateAsync(unitOfWork, id, GroupName.Normalize(name), ownerId, others, now, cancellationToken);
        var detail = (await conversations.DetailAsync(unitOfWork, id, cancellationToken))!;
        await unitOfWork.CommitAsync(cancellationToken);

        await broadcast.ConversationChangedAsync([.. detail.Members.Select(member => member.UserId)], detail);
        return detail;
    }
}
