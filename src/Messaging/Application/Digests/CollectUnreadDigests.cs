using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Contracts;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Domain;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Digests;

/// <summary>
/// Finds members who are offline and have had a message waiting unread for longer than
/// <see cref="MessagingOptions.DigestAfter"/>, and announces it once per message
/// (<see cref="UnreadMessagesWaiting"/>, which Notifications turns into a digest email). One replica does it at a time.
/// </summary>
public sealed class CollectUnreadDigests(UnitOfWorkFactory unitOfWorks, IPresenceStore presence, IOptions<MessagingOptions> options, TimeProvider clock)
{
    private const string JobName = "unread-digests";
    /// <summary>Messages older than this are not announced any more: a digest about last week helps nobody.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    /// <summary>Returns how many people were sent a digest.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dueBefore = (now - options.Value.DigestAfter).UtcDateTime;
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        // The job's row, locked until this transaction ends: another replica scanning now skips its turn.
        if (await unitOfWork.QuerySingleOrDefaultAsync<string>(
                "SELECT name FROM job_locks WHERE name = @JobName FOR UPDATE SKIP LOCKED", new { JobName }, cancellationToken) is null)
            return 0;

        // Per member: unread messages by others after both the read pointer and what an earlier digest covered.
        var waiting = (await unitOfWork.QueryAsync<WaitingRow>("""
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
            """, new { horizon = (now - Horizon).UtcDateTime, dueBefore }, cancellationToken)).ToList();
        if (waiting.Count == 0)
            return 0;

        var online = await presence.WhichAreOnlineAsync([.. waiting.Select(row => row.UserId).Distinct()]);
        var digests = waiting.Where(row => !online.Contains(row.UserId)).GroupBy(row => row.UserId).ToList();
        foreach (var digest in digests)
        {
            await unitOfWork.EnqueueEventAsync(new UnreadMessagesWaiting(
                digest.Key,
                [.. digest.Select(row => new UnreadConversation(
                    row.ConversationId, row.Kind == ConversationKind.Group ? row.Name : null, (int)row.Unread,
                    [.. row.SenderIds.Split(',').Select(Guid.Parse)], Times.Utc(row.OldestUnreadAt)))],
                now), cancellationToken);
            foreach (var row in digest)
                await unitOfWork.ExecuteAsync("""
                    UPDATE conversation_members SET notified_sequence = GREATEST(notified_sequence, @LastSequence)
                    WHERE conversation_id = @ConversationId AND user_id = @UserId
                    """, row, cancellationToken);
        }

        await unitOfWork.CommitAsync(cancellationToken);
        return digests.Count;
    }

    private sealed record WaitingRow(
        Guid UserId, Guid ConversationId, ConversationKind Kind, string? Name, long LastSequence, long Unread, DateTime OldestUnreadAt, string SenderIds);
}
