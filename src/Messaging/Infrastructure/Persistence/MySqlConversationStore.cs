using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;
using Dapper;

namespace ChatApp.Messaging.Infrastructure.Persistence;

/// <summary>Conversations and their members in the service's MySQL database.</summary>
internal sealed class MySqlConversationStore(ServiceDatabase database) : IConversationStore
{
    /// <summary>
    /// Every member's <see cref="Membership"/> in each of <c>@conversationIds</c>, to batch with
    /// others: a batch's checks and its members to push to, one index range per conversation.
    /// </summary>
    public const string AllMembershipsSql = """
        SELECT c.id AS conversation_id, c.kind, c.name, c.last_sequence, c.last_version,
               m.user_id, m.role, m.joined_sequence, m.delivered_sequence, m.read_sequence
        FROM conversations c JOIN conversation_members m ON m.conversation_id = c.id
        WHERE c.id IN @conversationIds;
        """;

    public Task<Membership?> FindMembershipAsync(
        IUnitOfWork? unitOfWork, Guid conversationId, Guid userId, CancellationToken cancellationToken, bool lockConversation = false) =>
        database.ReadAsync(unitOfWork, (connection, transaction) => connection.QuerySingleOrDefaultAsync<Membership>(new CommandDefinition($"""
            SELECT c.id AS conversation_id, c.kind, c.name, c.last_sequence, c.last_version,
                   m.user_id, m.role, m.joined_sequence, m.delivered_sequence, m.read_sequence
            FROM conversations c JOIN conversation_members m ON m.conversation_id = c.id AND m.user_id = @userId
            WHERE c.id = @conversationId
            {(lockConversation ? "FOR UPDATE" : "")}
            """, new { conversationId, userId }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    public async Task<IReadOnlyList<Membership>> MembershipsAsync(IReadOnlyCollection<Guid> conversationIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Membership>(new CommandDefinition(
            AllMembershipsSql, new { conversationIds }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<Guid>> MemberIdsAsync(IUnitOfWork unitOfWork, Guid conversationId, CancellationToken cancellationToken) =>
        [.. await UnitOfWork.Of(unitOfWork).QueryAsync<Guid>(
            "SELECT user_id FROM conversation_members WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken)];

    public Task<ConversationDetail?> DetailAsync(IUnitOfWork? unitOfWork, Guid conversationId, CancellationToken cancellationToken) =>
        database.ReadAsync(unitOfWork, async (connection, transaction) =>
        {
            var conversation = await connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition("""
                SELECT id, kind, name, created_at, last_sequence, last_version, last_activity_at
                FROM conversations WHERE id = @conversationId
                """, new { conversationId }, transaction, cancellationToken: cancellationToken));
            if (conversation is null)
                return null;
            var members = await connection.QueryAsync<MemberRow>(new CommandDefinition("""
                SELECT m.user_id, COALESCE(u.username, '') AS username, COALESCE(u.display_name, '') AS display_name,
                       m.role, m.joined_at, m.delivered_sequence, m.read_sequence
                FROM conversation_members m LEFT JOIN users u ON u.id = m.user_id
                WHERE m.conversation_id = @conversationId
                ORDER BY m.joined_at, m.user_id
                """, new { conversationId }, transaction, cancellationToken: cancellationToken));
            return new ConversationDetail(
                conversation.Id, conversation.Kind, conversation.Name, Times.Utc(conversation.CreatedAt), conversation.LastSequence,
                conversation.LastVersion, Times.Utc(conversation.LastActivityAt),
                [.. members.Select(member => new MemberView(member.UserId, member.Username, member.DisplayName, member.Role,
                    Times.Utc(member.JoinedAt), member.DeliveredSequence, member.ReadSequence))]);
        }, cancellationToken);

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(Guid userId, int? limit, (DateTime At, Guid Id)? after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition($"""
            SELECT c.id, c.kind, c.name, m.role, c.last_sequence, c.last_version, c.last_activity_at, m.read_sequence,
                   (SELECT COUNT(*) FROM conversation_members x WHERE x.conversation_id = c.id) AS member_count,
                   peer.user_id AS peer_id, pu.username AS peer_username, pu.display_name AS peer_display_name
            FROM conversation_members m
            JOIN conversations c ON c.id = m.conversation_id
            LEFT JOIN conversation_members peer ON c.kind = 'Direct' AND peer.conversation_id = c.id AND peer.user_id <> m.user_id
            LEFT JOIN users pu ON pu.id = peer.user_id
            WHERE m.user_id = @userId
              {(after is null ? "" : "AND (c.last_activity_at < @afterAt OR (c.last_activity_at = @afterAt AND c.id < @afterId))")}
            ORDER BY c.last_activity_at DESC, c.id DESC
            {(limit is null ? "" : "LIMIT @limit")}
            """, new { userId, limit, afterAt = after?.At, afterId = after?.Id }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToSummary())];
    }

    public Task<Guid?> FindDirectAsync(IUnitOfWork unitOfWork, DirectPair pair, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM conversations WHERE direct_key = @Key", new { pair.Key }, cancellationToken);

    public async Task<bool> TryStartDirectAsync(IUnitOfWork unitOfWork, Guid conversationId, DirectPair pair, DateTime now, CancellationToken cancellationToken)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        // The unique direct_key lets one of two simultaneous starts insert; the other inserts nothing.
        var created = await transaction.ExecuteAsync("""
            INSERT IGNORE INTO conversations (id, kind, direct_key, name, created_at, last_sequence, last_version, last_activity_at)
            VALUES (@id, 'Direct', @key, NULL, @now, 0, 0, @now)
            """, new { id = conversationId, key = pair.Key, now }, cancellationToken) == 1;
        if (!created)
            return false;

        await transaction.ExecuteAsync("""
            INSERT INTO conversation_members (conversation_id, user_id, role, joined_at, joined_sequence, delivered_sequence, read_sequence, notified_sequence)
            VALUES (@id, @first, 'Member', @now, 0, 0, 0, 0), (@id, @second, 'Member', @now, 0, 0, 0, 0)
            """, new { id = conversationId, first = pair.First, second = pair.Second, now }, cancellationToken);
        return true;
    }

    private sealed record ConversationRow(
        Guid Id, ConversationKind Kind, string? Name, DateTime CreatedAt, long LastSequence, long LastVersion, DateTime LastActivityAt);

    private sealed record MemberRow(
        Guid UserId, string Username, string DisplayName, MemberRole Role, DateTime JoinedAt, long DeliveredSequence, long ReadSequence);

    private sealed record SummaryRow(
        Guid Id, ConversationKind Kind, string? Name, MemberRole Role, long LastSequence, long LastVersion, DateTime LastActivityAt,
        long ReadSequence, long MemberCount, Guid? PeerId, string? PeerUsername, string? PeerDisplayName)
    {
        public ConversationSummary ToSummary() => new(
            Id, Kind, Name,
            PeerId is { } peer ? new UserName(peer, PeerUsername ?? "", PeerDisplayName ?? "") : null,
            (int)MemberCount, Role, LastSequence, LastVersion, Times.Utc(LastActivityAt),
            Math.Max(0, LastSequence - ReadSequence), ReadSequence);
    }
}
