using ChatApp.Messaging.Domain;
using Dapper;
using MySqlConnector;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>The reads every conversation use case starts with, inside or outside a transaction.</summary>
internal static class ConversationStore
{
    /// <summary>
    /// The caller's membership, or null when the conversation does not exist or they are not in it.
    /// <paramref name="lockConversation"/> locks the conversation row: sends and membership changes
    /// of one conversation then happen one after another, which keeps sequence numbers gapless.
    /// </summary>
    public static Task<Membership?> FindMembershipAsync(
        MySqlConnection connection, MySqlTransaction? transaction, Guid conversationId, Guid userId, CancellationToken cancellationToken, bool lockConversation = false) =>
        connection.QuerySingleOrDefaultAsync<Membership>(new CommandDefinition($"""
            SELECT c.id AS conversation_id, c.kind, c.name, c.last_sequence, c.last_version,
                   m.user_id, m.role, m.joined_sequence, m.delivered_sequence, m.read_sequence
            FROM conversations c JOIN conversation_members m ON m.conversation_id = c.id AND m.user_id = @userId
            WHERE c.id = @conversationId
            {(lockConversation ? "FOR UPDATE" : "")}
            """, new { conversationId, userId }, transaction, cancellationToken: cancellationToken));

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

    public static async Task<IReadOnlyList<Guid>> MemberIdsAsync(
        MySqlConnection connection, MySqlTransaction? transaction, Guid conversationId, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT user_id FROM conversation_members WHERE conversation_id = @conversationId",
            new { conversationId }, transaction, cancellationToken: cancellationToken))];

    public static async Task<ConversationDetail?> DetailAsync(
        MySqlConnection connection, MySqlTransaction? transaction, Guid conversationId, CancellationToken cancellationToken)
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
    }

    /// <summary>Which of <paramref name="userIds"/> Messaging knows (has heard of from Identity).</summary>
    public static async Task<IReadOnlySet<Guid>> KnownUsersAsync(
        MySqlConnection connection, MySqlTransaction? transaction, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0
            ? new HashSet<Guid>()
            : (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT id FROM users WHERE id IN @userIds", new { userIds }, transaction, cancellationToken: cancellationToken))).ToHashSet();

    private sealed record ConversationRow(
        Guid Id, ConversationKind Kind, string? Name, DateTime CreatedAt, long LastSequence, long LastVersion, DateTime LastActivityAt);

    private sealed record MemberRow(
        Guid UserId, string Username, string DisplayName, MemberRole Role, DateTime JoinedAt, long DeliveredSequence, long ReadSequence);
}
