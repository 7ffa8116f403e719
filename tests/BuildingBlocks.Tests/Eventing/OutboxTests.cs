using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Contracts;
using ChatApp.Testing;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>The transactional outbox against a real MariaDB and a real RabbitMQ.</summary>
public sealed class OutboxTests(MariaDbFixture database, RabbitMqFixture broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DeliveryRecorder _recorder = new();

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        var connectionString = await database.CreateDatabaseAsync();
        using var consumer = await StartConsumerAsync(connectionString);
        using var publisher = await StartPublisherAsync(connectionString);

        var rolledBack = TestEvents.Registrations(3);
        await publisher.EnqueueAsync(rolledBack, commit: false);
        var committed = TestEvents.Registrations(1);
        await publisher.EnqueueAsync(committed);

        // The committed event arriving shows the pipeline ran after the rolled-back one was written.
        await _recorder.WaitForAsync(committed.Select(e => e.UserId), 1, Patience);
        await Task.Delay(500);
        Assert.Empty(_recorder.DeliveriesOf(rolledBack.Select(e => e.UserId)));
        Assert.Equal(1, await CountOutboxRowsAsync(connectionString));
    }

    [Fact]
    public async Task A_committed_batch_is_published_exactly_once_when_the_dispatcher_stops_mid_batch_and_restarts()
    {
        const int EventCount = 200;
        const int PublishesBeforeStop = 20;
        var connectionString = await database.CreateDatabaseAsync();
        using var consumer = await StartConsumerAsync(connectionString);

        var events = TestEvents.Registrations(EventCount);
        var userIds = events.Select(e => e.UserId).ToList();
        // Disposed only at the end: MassTransit keeps a process-wide log context that a disposed
        // host would leave pointing at its disposed logger factory.
        using var publisher = BuildPublisher(connectionString);
        var stopGate = new StopAfterPublishes(PublishesBeforeStop, publisher.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        publisher.Services.GetRequiredService<IBusControl>().ConnectPublishObserver(stopGate);
        // Written before the dispatcher starts, so it finds all of them waiting.
        await publisher.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await publisher.EnqueueAsync(events);
        await publisher.StartAsync();
        await stopGate.Reached.WaitAsync(Patience);
        // The publish observer holds the 20th publish until the host is stopping: the stop lands mid-batch.
        await publisher.StopAsync();

        var dispatchedAtStop = await CountDispatchedAsync(connectionString);
        Assert.InRange(dispatchedAtStop, PublishesBeforeStop, EventCount - 1);

        using (var restarted = await StartPublisherAsync(connectionString))
        {
            await _recorder.WaitForAsync(userIds, EventCount, Patience);
            await Task.Delay(1000); // room for a duplicate to show up, if there were one
        }

        var deliveries = _recorder.DeliveriesOf(userIds);
        Assert.Equal(EventCount, deliveries.Count);
        Assert.Equal(EventCount, deliveries.Select(d => d.UserId).Distinct().Count());
        Assert.Equal(EventCount, await CountDispatchedAsync(connectionString));
    }

    [Fact]
    public async Task Each_event_keeps_its_outbox_id_as_message_id()
    {
        var connectionString = await database.CreateDatabaseAsync();
        using var consumer = await StartConsumerAsync(connectionString);
        using var publisher = await StartPublisherAsync(connectionString);

        var events = TestEvents.Registrations(5);
        await publisher.EnqueueAsync(events);
        await _recorder.WaitForAsync(events.Select(e => e.UserId), 5, Patience);

        await using var connection = new MySqlConnector.MySqlConnection(connectionString);
        var outboxIds = (await connection.QueryAsync<Guid>("SELECT message_id FROM outbox_messages")).ToHashSet();
        Assert.True(outboxIds.SetEquals(_recorder.DeliveriesOf(events.Select(e => e.UserId)).Select(d => d.MessageId)));
    }

    [Fact]
    public async Task Events_committed_while_the_broker_is_down_wait_and_arrive_once_when_it_returns()
    {
        await using var privateBroker = await RabbitMqServer.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();
        using var consumer = await StartConsumerAsync(connectionString, privateBroker.ConnectionString);
        using var publisher = await StartPublisherAsync(connectionString, privateBroker.ConnectionString);

        await privateBroker.StopAsync();
        var events = TestEvents.Registrations(20);
        await publisher.EnqueueAsync(events);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0, await CountDispatchedAsync(connectionString));

        await privateBroker.StartAgainAsync();
        var userIds = events.Select(e => e.UserId).ToList();
        await _recorder.WaitForAsync(userIds, events.Count, TimeSpan.FromSeconds(90));
        await Task.Delay(1000);
        Assert.Equal(events.Count, _recorder.DeliveriesOf(userIds).Select(d => d.UserId).Distinct().Count());
        Assert.Equal(events.Count, _recorder.DeliveriesOf(userIds).Count);
    }

    private async Task<IHost> StartConsumerAsync(string connectionString, string? brokerUri = null)
    {
        var host = EventingHost.Build(connectionString, brokerUri ?? broker.ConnectionString, UniqueServiceName(),
            events => events.Handle<UserRegistered, AcceptUserRegistered>());
        host.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(_recorder);
        await host.StartAsync();
        return host;
    }

    private async Task<IHost> StartPublisherAsync(string connectionString, string? brokerUri = null)
    {
        var host = BuildPublisher(connectionString, brokerUri);
        await host.StartAsync();
        return host;
    }

    private IHost BuildPublisher(string connectionString, string? brokerUri = null) =>
        EventingHost.Build(connectionString, brokerUri ?? broker.ConnectionString, UniqueServiceName());

    private static string UniqueServiceName() => $"test-{Guid.NewGuid():N}"[..16];

    private static async Task<int> CountOutboxRowsAsync(string connectionString)
    {
        await using var connection = new MySqlConnector.MySqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_messages");
    }

    private static async Task<int> CountDispatchedAsync(string connectionString)
    {
        await using var connection = new MySqlConnector.MySqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_messages WHERE dispatched_at IS NOT NULL");
    }
}
