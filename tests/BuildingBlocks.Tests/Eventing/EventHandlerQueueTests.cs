using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.Contracts;
using ChatApp.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>Each service's handler of an event has a queue of its own, so each service gets every event.</summary>
public sealed class EventHandlerQueueTests(MariaDbFixture database, RabbitMqFixture broker)
{
    [Fact]
    public void A_handlers_queue_is_named_after_its_service_and_itself()
    {
        Assert.Equal("messaging-remember-user", EventHandlers.QueueName("messaging", typeof(RememberUser)));
        Assert.Equal("calls-remember-user", EventHandlers.QueueName("calls", typeof(RememberUser)));
    }

    [Fact]
    public async Task Two_services_handling_the_same_event_with_the_same_handler_each_get_every_event()
    {
        var firstDeliveries = new DeliveryRecorder();
        var secondDeliveries = new DeliveryRecorder();
        using var first = await StartAsync(await database.CreateDatabaseAsync(), firstDeliveries);
        using var second = await StartAsync(await database.CreateDatabaseAsync(), secondDeliveries);

        var events = TestEvents.Registrations(10);
        await first.EnqueueAsync(events);

        var userIds = events.Select(e => e.UserId).ToList();
        await firstDeliveries.WaitForAsync(userIds, events.Count, TimeSpan.FromSeconds(30));
        await secondDeliveries.WaitForAsync(userIds, events.Count, TimeSpan.FromSeconds(30));
    }

    private async Task<IHost> StartAsync(string connectionString, DeliveryRecorder deliveries)
    {
        var host = EventingHost.Build(connectionString, broker.ConnectionString, $"svc{Guid.NewGuid():N}"[..12],
            events => events.Handle<UserRegistered, AcceptUserRegistered>());
        host.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(deliveries);
        await host.StartAsync();
        return host;
    }
}
