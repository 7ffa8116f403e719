using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Calls.Application;
using ChatApp.Calls.Domain;
using ChatApp.Contracts;
using Dapper;

namespace ChatApp.Calls.Infrastructure.Persistence;

/// <summary>Calls in the service's MySQL database; every change commits with the events it causes (outbox).</summary>
internal sealed class MySqlCallStore(ServiceDatabase database, UnitOfWorkFactory unitOfWorks) : ICallStore
{
    private static readonly string Insert = $"""
        INSERT INTO calls ({CallRow.Columns}) VALUES (
          @Id, @CallerId, @CalleeId, @CallerDevice, @CallerConnection, @CallerLostAt, @CalleeDevice, @CalleeConnection, @CalleeLostAt,
          @State, @Outcome, @EndedBy, @CreatedAt, @RingUntil, @ReconnectWithinMs, @AnsweredAt, @EndedAt, @DurationMs, @Deadline, @Version)
        """;

    public async Task<CallStart> TryStartAsync(Call call, CancellationToken cancellationToken)
    {
        await using (var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken))
        {
            // Both rows in one statement, in id order: two people calling each other at once lock
            // them in the same order, so one waits for the other instead of deadlocking.
            var people = new[] { call.Caller.UserId, call.Callee.UserId }.Order().Select(userId => new { userId, callId = call.Id }).ToArray();
            var added = await unitOfWork.ExecuteAsync(
                "INSERT IGNORE INTO people_in_calls (user_id, call_id) VALUES (@userId0, @callId), (@userId1, @callId)",
                new { userId0 = people[0].userId, userId1 = people[1].userId, callId = call.Id }, cancellationToken);
            if (added == 2)
            {
                await unitOfWork.ExecuteAsync(Insert, CallRow.Of(call), cancellationToken);
                await unitOfWork.CommitAsync(cancellationToken);
                return CallStart.Started;
            }
        }

        // Rolled back; tell who was in a call.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var callerInCall = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM people_in_calls WHERE user_id = @userId", new { userId = call.Caller.UserId }, cancellationToken: cancellationToken));
        return callerInCall > 0 ? CallStart.CallerInAnotherCall : CallStart.CalleeInAnotherCall;
    }

    public async Task AddEndedAsync(Call call, IReadOnlyCollection<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        await unitOfWork.ExecuteAsync(Insert, CallRow.Of(call), cancellationToken);
        await EnqueueAsync(unitOfWork, events, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
    }

    public async Task<Call?> FindAsync(Guid callId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {CallRow.Columns} FROM calls WHERE id = @callId", new { callId }, cancellationToken)).SingleOrDefault();

    public async Task<Call?> FindCurrentAsync(Guid userId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"SELECT {CallRow.Columns} FROM calls WHERE id = (SELECT call_id FROM people_in_calls WHERE user_id = @userId)",
            new { userId }, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<Call>> FindHeldByConnectionAsync(string connectionId, CancellationToken cancellationToken) =>
        await QueryAsync($"""
            SELECT {CallRow.Columns} FROM calls WHERE caller_connection = @connectionId AND state <> 'ended'
            UNION
            SELECT {CallRow.Columns} FROM calls WHERE callee_connection = @connectionId AND state <> 'ended'
            """, new { connectionId }, cancellationToken);

    public async Task<IReadOnlyList<Guid>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM calls WHERE deadline <= @now ORDER BY deadline LIMIT @limit",
            new { now = now.UtcDateTime, limit }, cancellationToken: cancellationToken))];
    }

    public async Task<bool> TryUpdateAsync(Call call, IReadOnlyCollection<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        // Each step moves the version on by one: the row still holding the one before is the call the step started from.
        var updated = await unitOfWork.ExecuteAsync("""
            UPDATE calls SET
              caller_device = @CallerDevice, caller_connection = @CallerConnection, caller_lost_at = @CallerLostAt,
              callee_device = @CalleeDevice, callee_connection = @CalleeConnection, callee_lost_at = @CalleeLostAt,
              state = @State, outcome = @Outcome, ended_by = @EndedBy, answered_at = @AnsweredAt, ended_at = @EndedAt,
              duration_ms = @DurationMs, deadline = @Deadline, version = @Version
            WHERE id = @Id AND version = @Version - 1
            """, CallRow.Of(call), cancellationToken);
        if (updated == 0)
            return false;
        if (call.State == CallState.Ended)
            await unitOfWork.ExecuteAsync("DELETE FROM people_in_calls WHERE call_id = @Id", new { call.Id }, cancellationToken);
        await EnqueueAsync(unitOfWork, events, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task EnqueueAsync(UnitOfWork unitOfWork, IReadOnlyCollection<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        // The outbox records each event under its runtime type.
        foreach (var @event in events)
            await unitOfWork.EnqueueEventAsync(@event, cancellationToken);
    }

    private async Task<IReadOnlyList<Call>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToCall())];
    }
}
