using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Eventing.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

public sealed class EventLogPrunerTests(MariaDbFixture database)
{
    [Fact]
    public async Task Deletes_only_dispatched_outbox_rows_and_inbox_entries_older_than_the_retention()
    {
        var connectionString = await database.CreateDatabaseAsync();
        await new DatabaseMigrator(connectionString, [typeof(DatabaseMigrator).Assembly], NullLogger<DatabaseMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        var now = DateTime.UtcNow;
        var old = now.AddDays(-8);
        await using (var connection = new MySqlConnection(connectionString))
        {
            const string Outbox = "INSERT INTO outbox_messages (message_id, message_type, body, created_at, dispatched_at) VALUES (@id, 't', '{}', @created, @dispatched)";
            await connection.ExecuteAsync(Outbox, new { id = Guid.NewGuid(), created = old, dispatched = (DateTime?)old });  // pruned
            await connection.ExecuteAsync(Outbox, new { id = Guid.NewGuid(), created = old, dispatched = (DateTime?)null }); // never dispatched: kept
            await connection.ExecuteAsync(Outbox, new { id = Guid.NewGuid(), created = now, dispatched = (DateTime?)now });  // recent: kept
            const string Inbox = "INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES (@id, 'c', @processed)";
            await connection.ExecuteAsync(Inbox, new { id = Guid.NewGuid(), processed = old });  // pruned
            await connection.ExecuteAsync(Inbox, new { id = Guid.NewGuid(), processed = now });  // kept
        }

        await using var dataSource = new MySqlDataSource(connectionString);
        var pruner = new EventLogPruner(new ServiceDatabase(dataSource), Options.Create(new OutboxOptions()), TimeProvider.System, NullLogger<EventLogPruner>.Instance);
        var deleted = await pruner.PruneAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        await using var check = new MySqlConnection(connectionString);
        Assert.Equal(2, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_messages"));
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_messages WHERE dispatched_at < @old + INTERVAL 1 DAY", new { old }));
        Assert.Equal(1, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM inbox_messages"));
    }
}
