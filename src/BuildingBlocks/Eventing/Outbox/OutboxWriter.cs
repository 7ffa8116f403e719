using System.Diagnostics;
using ChatApp.Contracts;
using Dapper;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Eventing.Outbox;

/// <summary>Writes an event into the outbox inside the caller's transaction: it leaves only if that transaction commits.</summary>
internal static class OutboxWriter
{
    public static Task InsertAsync<TEvent>(MySqlTransaction transaction, TEvent @event, TimeProvider clock, CancellationToken cancellationToken)
        where TEvent : class, IIntegrationEvent
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has already ended.");
        var eventType = @event.GetType();
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, created_at)
            VALUES (@MessageId, @MessageType, @Body, @TraceParent, @CreatedAt)
            """,
            new
            {
                MessageId = Guid.CreateVersion7(),
                MessageType = EventSerializer.TypeName(eventType),
                Body = EventSerializer.Serialize(@event, eventType),
                // The request that caused the event: its trace goes on through the broker to every consumer.
                TraceParent = Activity.Current?.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            },
            transaction,
            cancellationToken: cancellationToken));
    }
}
