using System.Collections.Concurrent;
using ChatApp.Contracts;
using ChatApp.Testing;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>The idempotent consumer (inbox) against a real MariaDB and a real RabbitMQ.</summary>
public sealed class InboxTests(MariaDbFixture database, RabbitMqFixture broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_redelivered_message_is_consumed_once()
    {
        var connectionString = await database.CreateDatabaseAsync();
        var deliveries = new DeliveryCounter();
        using var host = await StartAsync(connectionString, deliveries);
        var registered = TestEvents.Registrations(1)[0];
        var messageId = Guid.NewGuid();

        // The same message twice, as the broker redelivers it after a lost acknowledgement.
        var bus = host.Services.GetRequiredService<IBus>();
        for (var i = 0; i < 2; i++)
            await bus.Publish(registered, context => context.MessageId = messageId);

        await deliveries.WaitForAsync(messageId, 2, Patience);
        Assert.Equal(1, await CountHandledAsync(connectionString, registered.UserId));
        Assert.Equal(1, await CountInboxAsync(connectionString, messageId));
    }

    [Fact]
    public async Task A_failed_handler_leaves_no_inbox_row_so_the_retry_handles_the_message()
    {
        var connectionString = await database.CreateDatabaseAsync();
        var deliveries = new DeliveryCounter();
        using var host = await StartAsync(connectionString, deliveries);
        var registered = TestEvents.Registrations(1)[0];
        host.Services.GetRequiredService<FailFirstAttempt>().For(registered.UserId);
        var messageId = Guid.NewGuid();

        await host.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = messageId);

        await deliveries.WaitForAsync(messageId, 1, Patience);
        await Eventually.HoldsAsync(async () => await CountHandledAsync(connectionString, registered.UserId) == 1, Patience,
            () => "The retried message was not handled");
        Assert.Equal(1, await CountInboxAsync(connectionString, messageId));
        Assert.Equal(2, host.Services.GetRequiredService<FailFirstAttempt>().AttemptsFor(registered.UserId));
    }

    private async Task<IHost> StartAsync(string connectionString, DeliveryCounter deliveries)
    {
        var host = EventingHost.Build(connectionString, broker.ConnectionString, $"test-{Guid.NewGuid():N}"[..16],
            events => events.Handle<UserRegistered, RecordHandledEvent>(),
            services => services.AddSingleton<FailFirstAttempt>());
        host.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(deliveries);
        await host.StartAsync();
        return host;
    }

    private static async Task<int> CountHandledAsync(string connectionString, Guid userId)
    {
        await using var connection = new MySqlConnector.MySqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM handled_events WHERE user_id = @userId", new { userId = userId.ToString() });
    }

    private static async Task<int> CountInboxAsync(string connectionString, Guid messageId)
    {
        await using var connection = new MySqlConnector.MySqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM inbox_messages WHERE message_id = @id", new { id = messageId.ToString() });
    }

    /// <summary>Counts the deliveries a consumer finished, per message id.</summary>
    private sealed class DeliveryCounter : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _finished = new();

        public Task WaitForAsync(Guid messageId, int count, TimeSpan timeout) =>
            Eventually.HoldsAsync(() => _finished.GetValueOrDefault(messageId) >= count, timeout,
                () => $"{_finished.GetValueOrDefault(messageId)} of {count} deliveries finished");

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            _finished.AddOrUpdate(context.MessageId ?? Guid.Empty, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
