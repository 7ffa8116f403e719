using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>A broker kept from before handlers' queues got their service's name loses nothing at the upgrade.</summary>
public sealed class RetiredQueueTests(MariaDbFixture database, RabbitMqFixture broker)
{
    private const string RetiredQueue = "remember-retired-user";   // the handler's name alone, as MassTransit 8.5 named it
    private const string EventExchange = "ChatApp.Contracts:UserRegistered";

    [Fact]
    public async Task Events_waiting_in_a_handlers_old_queue_are_handled_and_the_old_queue_is_deleted()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.ConnectionString) }.CreateConnectionAsync();
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(EventExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync(RetiredQueue, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(RetiredQueue, EventExchange, routingKey: "");
        }

        var events = TestEvents.Registrations(3);
        var userIds = events.Select(e => e.UserId).ToList();
        var connectionString = await database.CreateDatabaseAsync();
        using (var previousVersion = EventingHost.Build(connectionString, broker.ConnectionString, "svc-old"))
        {
            await previousVersion.StartAsync();
            await previousVersion.EnqueueAsync(events);
            await Eventually.HoldsAsync(async () => await MessagesInAsync(connection, RetiredQueue) >= events.Count, TimeSpan.FromSeconds(30),
                () => "The events did not reach the old queue");
            await previousVersion.StopAsync();
        }

        var deliveries = new DeliveryRecorder();
        using var upgraded = EventingHost.Build(connectionString, broker.ConnectionString, $"svc{Guid.NewGuid():N}"[..12],
            handlers => handlers.Handle<UserRegistered, RememberRetiredUser>());
        upgraded.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(deliveries);
        await upgraded.StartAsync();

        await deliveries.WaitForAsync(userIds, events.Count, TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(async () => await MessagesInAsync(connection, RetiredQueue) is null, TimeSpan.FromSeconds(30),
            () => "The old queue was not deleted");
    }

    /// <summary>How many messages wait in the queue; null when there is no such queue.</summary>
    private static async Task<uint?> MessagesInAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private sealed class RememberRetiredUser : IHandles<UserRegistered>
    {
        public Task HandleAsync(UserRegistered message, IUnitOfWork unitOfWork, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
