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
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    public TimeSpan TimeToHealthy { get; private set; }

    /// <summary>The processes the AppHost runs and checks: servers, services and the gateway.</summary>
    public IReadOnlyList<string> ProcessResources { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"ChatApp:DataDirectory={_dataDirectory}", "ChatApp:GatewayPort=0"]);
        _app = await builder.BuildAsync();

        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);

        ProcessResources = _app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(resource => resource is ExecutableResource or ProjectResource && resource.Annotations.OfType<HealthCheckAnnotation>().Any())
            .Select(resource => resource.Name)
            .ToList();
        await Task.WhenAll(ProcessResources.Select(name => _app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));
        TimeToHealthy = clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }
}
