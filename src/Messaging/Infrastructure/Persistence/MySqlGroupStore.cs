using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Groups;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Infrastructure.Persistence;

/// <summary>Groups and their members in the service's MySQL database.</summary>
internal sealed class MySqlGroupStore : IGroupStore
{
    public async Task CreateAsync(
        IUnitOfWork unitOfWork, Guid conversationId, string name, Guid ownerId, IReadOnlyCollection<Guid> memberIds, DateTime now, CancellationToken cancellationToken)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        await transaction.ExecuteAsync("""
            INSERT INTO conversations (id, kind, direct_key, name, created_at, last_sequence, last_version, last_activity_at)
            VALUES (@id, 'Group', NULL, @name, @now, 0, 0, @now)
            """, new { id = conversationId, name, now }, cancellationToken);
        await transaction.ExecuteAsync("""
            INSERT INTO conversation_members (conversation_id, user_id, role, joined_at, joined_sequence, delivered_sequence, read_sequence, notified_sequence)
            VALUES (@id, @userId, @role, @now, 0, 0, 0, 0)
            """, memberIds.Select(userId => new { id = conversationId, userId, role = nameof(MemberRole.Member), now })
                .Prepend(new { id = conversationId, userId = ownerId, role = nameof(MemberRole.Owner), now }), cancellationToken);
    }

    public async Task<List<Seniority>> MembersAsync(IUnitOfWork unitOfWork, Guid conversationId, CancellationToken cancellationToken) =>
        [.. (await UnitOfWork.Of(unitOfWork).QueryAsync<SeniorityRow>(
            "SELECT user_id, role, joined_at FROM conversation_members WHERE conversation_id = @conversationId",
            new { conversationId }, cancellationToken)).Select(row => row.ToSeniority())];

    public Task AddMemberAsync(IUnitOfWork unitOfWork, Guid conversationId, Guid userId, long lastSequence, DateTime now, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            INSERT INTO conversation_members (conversation_id, user_id, role, joined_at, joined_sequence, delivered_sequence, read_sequence, notified_sequence)
            VALUES (@conversationId, @userId, 'Member', @now, @last, @last, @last, @last)
            """, new { conversationId, userId, now, last = lastSequence }, cancellationToken);

    public Task SetRoleAsync(IUnitOfWork unitOfWork, Guid conversationId, Guid userId, MemberRole role, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync(
            "UPDATE conversation_members SET role = @role WHERE conversation_id = @conversationId AND user_id = @userId",
            new { conversationId, userId, role = role.ToString() }, cancellationToken);

    public Task RemoveMemberAsync(IUnitOfWork unitOfWork, Guid conversationId, Guid userId, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync(
            "DELETE FROM conversation_members WHERE conversation_id = @conversationId AND user_id = @userId",
            new { conversationId, userId }, cancellationToken);

    public Task RenameAsync(IUnitOfWork unitOfWork, Guid conversationId, string name, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("UPDATE conversations SET name = @name WHERE id = @conversationId", new { name, conversationId }, cancellationToken);

    public Task DeleteAsync(IUnitOfWork unitOfWork, Guid conversationId, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            DELETE FROM messages WHERE conversation_id = @conversationId;
            DELETE FROM conversation_members WHERE conversation_id = @conversationId;
            DELETE FROM conversations WHERE id = @conversationId;
            """, new { conversationId }, cancellationToken);

    private sealed record SeniorityRow(Guid UserId, MemberRole Role, DateTime JoinedAt)
    {
        public Seniority ToSeniority() => new(UserId, Role, Times.Utc(JoinedAt));
    }
}
