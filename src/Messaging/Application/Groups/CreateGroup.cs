using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>Starts a group with a name and its first members; I own it.</summary>
public sealed class CreateGroup(UnitOfWorkFactory unitOfWorks, IChatBroadcast broadcast, IOptions<MessagingOptions> options, TimeProvider clock)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid ownerId, string name, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var others = memberIds.Where(id => id != ownerId).Distinct().ToList();
        if (others.Count + 1 > options.Value.MaxGroupMembers)
            return MessagingFailures.GroupFull(options.Value.MaxGroupMembers, "memberIds");

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var known = await ConversationStore.KnownUsersAsync(unitOfWork.Connection, unitOfWork.Transaction, others, cancellationToken);
        if (others.Where(id => !known.Contains(id)).ToList() is { Count: > 0 } unknown)
            return MessagingFailures.UnknownUsers(unknown, "memberIds");

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        await unitOfWork.ExecuteAsync("""
            INSERT INTO conversations (id, kind, direct_key, name, created_at, last_sequence, last_version, last_activity_at)
            VALUES (@id, 'Group', NULL, @name, @now, 0, 0, @now)
            """, new { id, name = GroupName.Normalize(name), now }, cancellationToken);
        await unitOfWork.ExecuteAsync("""
            INSERT INTO conversation_members (conversation_id, user_id, role, joined_at, joined_sequence, delivered_sequence, read_sequence, notified_sequence)
            VALUES (@id, @userId, @role, @now, 0, 0, 0, 0)
            """, others.Select(userId => new { id, userId, role = nameof(MemberRole.Member), now })
                .Prepend(new { id, userId = ownerId, role = nameof(MemberRole.Owner), now }), cancellationToken);
        var detail = (await ConversationStore.DetailAsync(unitOfWork.Connection, unitOfWork.Transaction, id, cancellationToken))!;
        await unitOfWork.CommitAsync(cancellationToken);

        await broadcast.ConversationChangedAsync([.. detail.Members.Select(member => member.UserId)], detail);
        return detail;
    }
}
