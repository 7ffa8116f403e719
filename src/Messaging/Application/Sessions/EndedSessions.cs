using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Messaging.Application.Sessions;

/// <summary>
/// The sessions Identity ended, remembered while an access token of theirs may still be valid, so
/// a device still holding one cannot open a hub connection with it again.
/// </summary>
public sealed class EndedSessions(ServiceDatabase database, TimeProvider clock)
{
    /// <summary>
    /// How long an ended session is remembered. Access tokens live minutes (Identity's
    /// <c>Tokens:AccessTokenLifetime</c>, 15 by default); a day covers any sensible setting.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private const int PruneBatch = 1000;

    public async Task RecordAsync(UnitOfWork unitOfWork, Guid userId, IReadOnlyCollection<Guid> sessionIds, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        // Each event prunes a little: the table grows only when events arrive, so it stays small.
        await unitOfWork.ExecuteAsync($"DELETE FROM ended_sessions WHERE ended_at < @before LIMIT {PruneBatch}",
            new { before = (clock.GetUtcNow() - Retention).UtcDateTime }, cancellationToken);
        await unitOfWork.ExecuteAsync(
            "INSERT IGNORE INTO ended_sessions (session_id, user_id, ended_at) VALUES (@sessionId, @userId, @endedAt)",
            sessionIds.Select(sessionId => new { sessionId, userId, endedAt = endedAt.UtcDateTime }), cancellationToken);
    }

    /// <summary>Those of <paramref name="sessionIds"/> that have ended.</summary>
    public async Task<IReadOnlyList<Guid>> WhichHaveEndedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
            return [];
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ended = new List<Guid>();
        foreach (var chunk in sessionIds.Chunk(PruneBatch))
        {
            ended.AddRange(await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT session_id FROM ended_sessions WHERE session_id IN @chunk", new { chunk }, cancellationToken: cancellationToken)));
        }
        return ended;
    }

    public async Task<bool> HasEndedAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM ended_sessions WHERE session_id = @sessionId)", new { sessionId }, cancellationToken: cancellationToken));
    }
}
