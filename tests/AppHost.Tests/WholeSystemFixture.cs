using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// The whole AppHost, as <c>./start.sh</c> runs it, but on free ports and a temporary data
/// folder so it can run beside a developer's instance. Started once for the test assembly.
/// </summary>
public sealed class WholeSystemFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"chatapp-apphost-test-{Guid.NewGuid():N}");

    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Resource, string Line)> _logLines = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Where this run's servers keep their data and logs (MariaDB's files, RabbitMQ's logs, …).</summary>
    public string DataDirectory => _dataDirectory;

    // A known port rather than any free one, so the services are told the address people open
    // (the hub's allowed origin, passkeys' origin, links in emails), as with ./start.sh.
    private readonly int _gatewayPort = ChatApp.Testing.FreePort.Next();
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    /// <summary>Where a browser opens ChatApp: <c>localhost</c>, a secure context for WebCrypto, Web Locks and passkeys.</summary>
    public Uri GatewayAddress => new($"http://localhost:{_gatewayPort}");

    /// <summary>From creating the builder until the last resource reported healthy.</summary>
    public TimeSpan TimeToHealthy { get; private set; }

    /// <summary>Every resource the AppHost starts, with the time it took to become healthy.</summary>
    public IReadOnlyDictionary<string, TimeSpan> HealthyAfter { get; private set; } = new Dictionary<string, TimeSpan>();

    /// <summary>The processes the AppHost runs: servers, services and the gateway.</summary>
    public IReadOnlyList<string> Processes { get; private set; } = [];

    /// <summary>Those of <see cref="Processes"/> whose health comes from a check of their own.</summary>
    public IReadOnlyList<string> ProcessesWithHealthChecks { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"ChatApp:DataDirectory={_dataDirectory}",
            $"ChatApp:GatewayPort={_gatewayPort}",
            // The testing host gives fixed ports random ones unless told not to.
            "DcpPublisher:RandomizePorts=false",
            "ChatApp:UseContainers=false",
            // Given, so the generated one is neither made nor stored in the developer's user secrets.
            $"Parameters:mariadb-password={Guid.NewGuid():N}",
            $"Parameters:identity-db-password={Guid.NewGuid():N}",
            $"Parameters:messaging-db-password={Guid.NewGuid():N}",
            $"Parameters:calls-db-password={Guid.NewGuid():N}",
            $"Parameters:notifications-db-password={Guid.NewGuid():N}",
            $"Parameters:redis-password={Guid.NewGuid():N}",
            $"Parameters:turn-secret={Guid.NewGuid():N}",
            $"Parameters:data-protection-kek={Guid.NewGuid():N}{Guid.NewGuid():N}",
            $"Parameters:event-sealing-key={Guid.NewGuid():N}",
        ]);
        // Every browser and client of these tests comes from 127.0.0.1: per-address limits meant for
        // one person's address would stop the suite, so they are raised here (per-account limits stay).
        builder.CreateResourceBuilder<ProjectResource>("identity")
            .WithEnvironment("RateLimits__RegisterPerAddress__Permits", "10000")
            .WithEnvironment("RateLimits__RegisterPerAddress__Window", "01:00:00")
            .WithEnvironment("RateLimits__SignInPerAddress__Permits", "10000")
            .WithEnvironment("RateLimits__SignInPerAddress__Window", "00:15:00")
            .WithEnvironment("RateLimits__CodeEntryPerAddress__Permits", "10000")
            .WithEnvironment("RateLimits__CodeEntryPerAddress__Window", "00:15:00");
        // The long-history tests write thousands of messages as one person in seconds, far beyond
        // what a person may send (Messaging.Tests hold the default limits).
        builder.CreateResourceBuilder<ProjectResource>("messaging")
            .WithEnvironment("Messaging__RateLimits__Sends__Burst", "100000")
            .WithEnvironment("Messaging__RateLimits__Sends__PerSecond", "100000");
        // A call rings 30 s in production; 5 s keeps the missed-call test short (Calls.Tests hold the default).
        builder.CreateResourceBuilder<ProjectResource>("calls")
            .WithEnvironment("Calls__RingFor", "00:00:05");
        // The services publish their OpenAPI documents (ApiDocumentTests read them); the gateway
        // does not pass them on, as in production, where neither publishes them.
        foreach (var service in new[] { "identity", "messaging", "calls", "notifications" })
            builder.CreateResourceBuilder<ProjectResource>(service).WithEnvironment("ChatApp__PublishApiDocuments", "true");
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("ChatApp__PublishApiDocuments", "false");
        _app = await builder.BuildAsync();

        // Parameters have no running state; resources that start only on request (Aspire's hidden
        // per-project "rebuilders") never do here. Everything else must become healthy.
        var resources = _app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(resource => resource is not ParameterResource && !resource.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .ToList();
        Processes = [.. resources.Where(IsProcess).Select(resource => resource.Name)];
        ProcessesWithHealthChecks = [.. resources.Where(resource => IsProcess(resource) && resource.Annotations.OfType<HealthCheckAnnotation>().Any()).Select(resource => resource.Name)];

        // Every resource's console log, kept from the start (Aspire keeps no backlog for a resource nobody watches).
        // A process's log goes by the id the orchestrator gives it (the resource's name and a suffix),
        // known once it is created: each id is watched as it first appears.
        var loggers = _app.Services.GetRequiredService<ResourceLoggerService>();
        _ = Task.Run(async () =>
        {
            var watched = new HashSet<string>();
            await foreach (var update in _app.ResourceNotifications.WatchAsync(_stopping.Token))
            {
                if (!watched.Add(update.ResourceId))
                    continue;
                _ = Task.Run(async () =>
                {
                    await foreach (var batch in loggers.WatchAsync(update.ResourceId).WithCancellation(_stopping.Token))
                        foreach (var line in batch)
                            _logLines.Enqueue((update.Resource.Name, line.Content));
                });
            }
        });

        using var timeout = new CancellationTokenSource(StartTimeout);
        // Watched from before the start, so each resource's own time is seen.
        var healthy = Task.WhenAll(resources.Select(async resource =>
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
            return (resource.Name, clock.Elapsed);
        }));
        await _app.StartAsync(timeout.Token);
        var healthyAfter = await healthy;
        TimeToHealthy = clock.Elapsed;
        HealthyAfter = healthyAfter.ToDictionary(entry => entry.Name, entry => entry.Elapsed);
    }

    /// <summary>Every line every resource (servers and services) wrote to its console so far.</summary>
    public IReadOnlyCollection<(string Resource, string Line)> LogLines => _logLines;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _stopping.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    private static bool IsProcess(IResource resource) => resource is ExecutableResource or ProjectResource;
}
