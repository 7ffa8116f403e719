using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Sessions;
using Dapper;

namespace ChatApp.Messaging.Infrastructure.Persistence;

/// <summary>Ended sessions in the <c>ended_sessions</c> table, kept for <see cref="Retention"/>.</summary>
internal sealed class MySqlEndedSessions(ServiceDatabase database, TimeProvider clock) : IEndedSessions
{
    /// <summary>
    /// How long an ended session is remembered. Access tokens live minutes (Identity's
    /// <c>Tokens:AccessTokenLifetime</c>, 15 by default); a day covers any sensible setting.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private const int PruneBatch = 1000;

    public async Task RecordAsync(IUnitOfWork unitOfWork, Guid userId, IReadOnlyCollection<Guid> sessionIds, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        // Each event prunes a little: the table grows only when events arrive, so it stays small.
        await transaction.ExecuteAsync($"DELETE FROM ended_sessions WHERE ended_at < @before LIMIT {PruneBatch}",
            new { before = (clock.GetUtcNow() - Retention).UtcDateTime }, cancellationToken);
        await transaction.ExecuteAsync(
            "INSERT IGNORE INTO ended_sessions (session_id, user_id, ended_at) VALUES (@sessionId, @userId, @endedAt)",
            sessionIds.Select(sessionId => new { sessionId, userId, endedAt = endedAt.UtcDateTime }), cancellationToken);
    }

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
