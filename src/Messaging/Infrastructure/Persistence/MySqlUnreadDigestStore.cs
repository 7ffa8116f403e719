using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Digests;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Infrastructure.Persistence;

/// <summary>The digest job's turn (a <c>job_locks</c> row) and what it reads and marks on <c>conversation_members</c>.</summary>
internal sealed class MySqlUnreadDigestStore : IUnreadDigestStore
{
    private const string JobName = "unread-digests";

    // The job's row, locked until the transaction ends: another replica's scan skips it instead of waiting.
    public async Task<bool> TryTakeTurnAsync(IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<string>(
            "SELECT name FROM job_locks WHERE name = @JobName FOR UPDATE SKIP LOCKED", new { JobName }, cancellationToken) is not null;

    public async Task<IReadOnlyList<UnreadWaiting>> WaitingAsync(IUnitOfWork unitOfWork, DateTimeOffset horizon, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        var rows = await UnitOfWork.Of(unitOfWork).QueryAsync<WaitingRow>("""
            SELECT m.user_id, c.id AS conversation_id, c.kind, c.name, c.last_sequence,
                   COUNT(*) AS unread, MIN(msg.sent_at) AS oldest_unread_at,
                   GROUP_CONCAT(DISTINCT msg.sender_id ORDER BY msg.sender_id) AS sender_ids
            FROM conversations c
            JOIN conversation_members m ON m.conversation_id = c.id
            JOIN messages msg ON msg.conversation_id = c.id
              AND msg.sequence > GREATEST(m.read_sequence, m.notified_sequence)
              AND msg.sender_id <> m.user_id AND msg.deleted_at IS NULL
            WHERE c.last_activity_at >= @horizon AND c.last_sequence > GREATEST(m.read_sequence, m.notified_sequence)
            GROUP BY m.user_id, c.id, c.kind, c.name, c.last_sequence
            HAVING MIN(msg.sent_at) <= @dueBefore
            """, new { horizon = horizon.UtcDateTime, dueBefore = dueBefore.UtcDateTime }, cancellationToken);
        return [.. rows.Select(row => new UnreadWaiting(
            row.UserId, row.ConversationId, row.Kind, row.Name, row.LastSequence, (int)row.Unread, Times.Utc(row.OldestUnreadAt),
            [.. row.SenderIds.Split(',').Select(Guid.Parse)]))];
    }

    public Task MarkNotifiedAsync(IUnitOfWork unitOfWork, UnreadWaiting waiting, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            UPDATE conversation_members SET notified_sequence = GREATEST(notified_sequence, @LastSequence)
            WHERE conversation_id = @ConversationId AND user_id = @UserId
            """, new { waiting.LastSequence, waiting.ConversationId, waiting.UserId }, cancellationToken);

    private sealed record WaitingRow(
        Guid UserId, Guid ConversationId, ConversationKind Kind, string? Name, long LastSequence, long Unread, DateTime OldestUnreadAt, string SenderIds);
}
