using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Eventing.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>
/// A service host as the real services build it (database, migrations, event bus, outbox),
/// on a test's own database and a real broker, with whatever event handlers the test names.
/// </summary>
internal static class EventingHost
{
    public static IHost Build(
        string databaseConnectionString,
        string brokerUri,
        string serviceName,
        Action<EventHandlers>? handle = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:test-db"] = databaseConnectionString;
        builder.Configuration["ConnectionStrings:rabbitmq"] = brokerUri;
        builder.AddServiceDatabase("test-db", typeof(EventingHost).Assembly);
        builder.AddEventBus(serviceName, handle);
        builder.Services.Configure<OutboxOptions>(options =>
        {
            options.BatchSize = 50;
            options.PollInterval = TimeSpan.FromMilliseconds(100);
        });
        // Consumers must have their queues bound before anything is published.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Writes the events into the outbox in one unit of work, committed or rolled back.</summary>
    public static async Task EnqueueAsync(this IHost host, IEnumerable<UserRegistered> events, bool commit = true)
    {
        var factory = host.Services.GetRequiredService<UnitOfWorkFactory>();
        await using var unitOfWork = await factory.BeginAsync(CancellationToken.None);
        foreach (var @event in events)
            await unitOfWork.EnqueueEventAsync(@event, CancellationToken.None);
        if (commit)
            await unitOfWork.CommitAsync(CancellationToken.None);
    }
}

