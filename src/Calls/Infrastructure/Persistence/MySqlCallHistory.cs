using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Calls.Application.History;
using ChatApp.Calls.Application.Users;
using ChatApp.Calls.Domain;
using Dapper;

namespace ChatApp.Calls.Infrastructure.Persistence;

/// <summary>People's call histories, read from the calls table with the other person's names.</summary>
internal sealed class MySqlCallHistory(ServiceDatabase database) : ICallHistory
{
    public async Task<IReadOnlyList<CallHistoryItem>> PageAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        DateTime? beforeTime = null;
        if (before is { } cursor)
        {
            beforeTime = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
                "SELECT created_at FROM calls WHERE id = @cursor AND (caller_id = @userId OR callee_id = @userId)",
                new { cursor, userId }, cancellationToken: cancellationToken));
            if (beforeTime is null)
                return [];
        }

        // One index range per side of the call (caller, callee), each already in order, merged.
        const string Page = """
            created_at < @beforeTime OR (created_at = @beforeTime AND id < @cursor) OR @beforeTime IS NULL
            """;
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition($"""
            SELECT c.id, c.caller_id, c.callee_id, c.outcome, c.created_at, c.answered_at, c.ended_at, c.duration_ms, c.missed_seen_at,
                   u.username, u.display_name
            FROM (
              (SELECT id, created_at FROM calls WHERE caller_id = @userId AND state = 'ended' AND ({Page}) ORDER BY created_at DESC, id DESC LIMIT @limit)
              UNION ALL
              (SELECT id, created_at FROM calls WHERE callee_id = @userId AND caller_id <> @userId AND state = 'ended' AND ({Page}) ORDER BY created_at DESC, id DESC LIMIT @limit)
            ) page
            JOIN calls c ON c.id = page.id
            LEFT JOIN users u ON u.id = IF(c.caller_id = @userId, c.callee_id, c.caller_id)
            ORDER BY c.created_at DESC, c.id DESC
            LIMIT @limit
            """, new { userId, beforeTime, cursor = before, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToItem(userId))];
    }

    public async Task<int> CountUnseenMissedAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM calls WHERE callee_id = @userId AND outcome = 'missed' AND missed_seen_at IS NULL",
            new { userId }, cancellationToken: cancellationToken));
    }

    public async Task MarkMissedSeenAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE calls SET missed_seen_at = @now WHERE callee_id = @userId AND outcome = 'missed' AND missed_seen_at IS NULL",
            new { userId, now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    private sealed record HistoryRow
    {
        public Guid Id { get; init; }
        public Guid CallerId { get; init; }
        public Guid CalleeId { get; init; }
        public string Outcome { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? AnsweredAt { get; init; }
        public DateTime EndedAt { get; init; }
        public long DurationMs { get; init; }
        public DateTime? MissedSeenAt { get; init; }
        public string? Username { get; init; }
        public string? DisplayName { get; init; }

        public CallHistoryItem ToItem(Guid me)
        {
            var outgoing = CallerId == me;
            var other = outgoing ? CalleeId : CallerId;
            var outcome = Enum.Parse<CallOutcome>(Outcome, ignoreCase: true);
            return new CallHistoryItem(
                Id,
                Username is null ? Person.Unknown(other) : new Person(other, Username, DisplayName ?? Username),
                outgoing ? CallDirection.Outgoing : CallDirection.Incoming,
                outcome,
                CallRow.Utc(CreatedAt),
                AnsweredAt is { } answered ? CallRow.Utc(answered) : null,
                CallRow.Utc(EndedAt),
                DurationMs / 1000.0,
                outgoing || outcome != CallOutcome.Missed || MissedSeenAt is not null);
        }
    }
}
