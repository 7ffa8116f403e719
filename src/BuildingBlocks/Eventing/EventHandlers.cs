using ChatApp.BuildingBlocks.Eventing.Inbox;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.BuildingBlocks.Eventing;

/// <summary>The integration events a service handles, each named with its handler in Program.cs.</summary>
public sealed class EventHandlers(IBusRegistrationConfigurator bus, string serviceName)
{
    private readonly List<RenamedQueue> _renamed = [];

    /// <summary>The handlers' queues under their names before and after they got the service's name.</summary>
    internal IReadOnlyList<RenamedQueue> Renamed => _renamed;

    /// <summary>
    /// Handles <typeparamref name="TEvent"/> with <typeparamref name="THandler"/> on a queue of its
    /// own named after the handler and the service (<c>messaging-end-sessions</c>): every service
    /// that handles an event gets each one, and each handler is retried on its own.
    /// </summary>
    public EventHandlers Handle<TEvent, THandler>()
        where TEvent : class, IIntegrationEvent
        where THandler : class, IHandles<TEvent>
    {
        bus.AddScoped<THandler>();
        bus.AddConsumer<EventHandlerConsumer<TEvent, THandler>>()
            .Endpoint(endpoint => endpoint.Name = QueueName(serviceName, typeof(THandler)));
        _renamed.Add(new RenamedQueue(RetiredQueueName(typeof(THandler)), QueueName(serviceName, typeof(THandler))));
        return this;
    }

    /// <summary>
    /// <c>{service}-{handler in kebab case}</c>. Named here rather than by a prefixed endpoint name
    /// formatter: MassTransit 8.5's ignores its prefix, which once put Messaging's and Calls'
    /// RememberUser on one queue, each service getting half the events.
    /// </summary>
    public static string QueueName(string serviceName, Type handler) =>
        $"{serviceName}-{KebabCaseEndpointNameFormatter.Instance.SanitizeName(handler.Name)}";

    /// <summary>The name a handler's queue had before it got the service's name (see <see cref="RetiredQueues"/>).</summary>
    internal static string RetiredQueueName(Type handler) => KebabCaseEndpointNameFormatter.Instance.SanitizeName(handler.Name);
}

internal sealed record RenamedQueue(string Retired, string Current);
