using ChatApp.Messaging.Domain;
using Dapper;
using MySqlConnector;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>My conversations as list lines, most recently active first.</summary>
internal static class ConversationList
{
    /// <summary>
    /// Up to <paramref name="limit"/> lines older than <paramref name="after"/> (a line's activity
    /// time and id); every one of my conversations when <paramref name="limit"/> is null.
    /// </summary>
    public static async Task<IReadOnlyList<ConversationSummary>> QueryAsync(
        MySqlConnection connection, Guid userId, int? limit, (DateTime At, Guid Id)? after, CancellationToken cancellationToken)
    {
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
