using ChatApp.BuildingBlocks.Eventing.Outbox;
using ChatApp.BuildingBlocks.UseCases;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Eventing;

public static class EventingExtensions
{
    public const string BrokerConnectionName = "rabbitmq";

    /// <summary>
    /// MassTransit over RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an amqp:// URI), the event
    /// handlers that <paramref name="handle"/> names, on queues prefixed with <paramref name="serviceName"/>,
    /// units of work, and the outbox dispatcher. Needs <c>AddServiceDatabase</c> first.
    /// </summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder, string serviceName, Action<EventHandlers>? handle = null)
    {
        var brokerUri = builder.Configuration.GetConnectionString(BrokerConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{BrokerConnectionName} is not set. The AppHost sets it; run the service through it, or set it yourself.");

        EventHandlers? handlers = null;
        builder.Services.AddMassTransit(bus =>
        {
            handlers = new EventHandlers(bus, serviceName);
            bus.SetKebabCaseEndpointNameFormatter();
            handle?.Invoke(handlers);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(brokerUri));
                // Transient faults (a database restart, a lock timeout) are retried in place before the message is dead-lettered.
                // A malformed event will not get better: it goes to the error queue at once.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                    retry.Ignore<MalformedEventException>();
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddSingleton(new BrokerHealthCheck(new Uri(brokerUri)));
        // AddMassTransit ran the registrations above at once, so the handlers are all named by now.
        if (handlers!.Renamed is { Count: > 0 } renamed)
            builder.Services.AddHostedService(services => new RetiredQueues(new Uri(brokerUri), renamed, services.GetRequiredService<ILogger<RetiredQueues>>()));
        builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("broker");

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<UnitOfWorkFactory>();
        builder.Services.AddSingleton<IUnitOfWorkFactory>(services => services.GetRequiredService<UnitOfWorkFactory>());
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddHostedService<EventLogPruner>();
        return builder;
    }
}
