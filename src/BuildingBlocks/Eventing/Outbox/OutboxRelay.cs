using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.ServiceDefaults;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatApp.BuildingBlocks.Eventing.Outbox;

/// <summary>
/// Moves one batch of committed outbox rows to the broker. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work without publishing a row twice;
/// each row keeps its message id, so a consumer's inbox recognises the rare republish that
/// follows a crash between the broker's confirmation and our commit.
/// </summary>
public sealed class OutboxRelay(ServiceDatabase database, IBus bus, IOptions<OutboxOptions> options, TimeProvider clock)
{
    private static readonly Counter<long> Published = ChatAppTelemetry.Meter.CreateCounter<long>(
        "chatapp.outbox.published", "{event}", "Events moved from the outbox to the broker");
    private static readonly Histogram<double> Lag = ChatAppTelemetry.Meter.CreateHistogram<double>(
        "chatapp.outbox.lag", "ms", "Time from the committing transaction to the broker's confirmation");

    /// <summary>
    /// Publishes up to one batch and returns how many rows it published. When
    /// <paramref name="stopping"/> fires mid-batch, the publish under way finishes, the rows
    /// published so far are marked, and the rest stay for the next run.
    /// </summary>
    public async Task<int> DispatchBatchAsync(CancellationToken stopping)
    {
        // Not the stopping token: a claimed batch is always settled, never abandoned half-marked.
        var settle = CancellationToken.None;
        await using var connection = await database.OpenConnectionAsync(stopping);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, stopping);

        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            """
            SELECT sequence, message_id AS MessageId, message_type AS MessageType, body, trace_parent AS TraceParent, created_at AS CreatedAt
            FROM outbox_messages
            WHERE dispatched_at IS NULL
            ORDER BY sequence
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED
            """,
            new { options.Value.BatchSize }, transaction, cancellationToken: stopping))).AsList();

        var published = new List<long>(rows.Count);
        try
        {
            foreach (var row in rows)
            {
                if (stopping.IsCancellationRequested)
                    break;
                await PublishAsync(row);
                published.Add(row.Sequence);
            }
        }
        finally
        {
            // Also after a failed publish: what reached the broker must not go again.
            if (published.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE outbox_messages SET dispatched_at = @Now WHERE sequence IN @Sequences",
                    new { Now = clock.GetUtcNow().UtcDateTime, Sequences = published }, transaction, cancellationToken: settle));
            }
            await transaction.CommitAsync(settle);
        }
        return published.Count;
    }

    private async Task PublishAsync(OutboxRow row)
    {
        var eventType = EventSerializer.ResolveType(row.MessageType);
        var message = EventSerializer.Deserialize(row.Body, eventType);

        using var activity = ChatAppTelemetry.ActivitySource.StartActivity(
            $"outbox publish {eventType.Name}", ActivityKind.Producer, row.TraceParent);
        using var timeout = new CancellationTokenSource(options.Value.PublishTimeout);
        await bus.Publish(message, eventType, Pipe.Execute<PublishContext>(context => context.MessageId = row.MessageId), timeout.Token);

        Published.Add(1, new KeyValuePair<string, object?>("event", eventType.Name));
        Lag.Record((clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)).TotalMilliseconds,
            new KeyValuePair<string, object?>("event", eventType.Name));
    }

    private sealed record OutboxRow(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent, DateTime CreatedAt);
}
