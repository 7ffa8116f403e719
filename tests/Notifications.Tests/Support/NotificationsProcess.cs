using ChatApp.Testing;

namespace ChatApp.Notifications.Tests.Support;

/// <summary>
/// The Notifications service as its own process (the build's Notifications.dll), so a test can
/// stop it as a service manager would (SIGTERM) or kill it outright (SIGKILL), and start it again.
/// </summary>
public sealed class NotificationsProcess : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private NotificationsProcess(ServerProcess process) => _process = process;

    public string Output => _process.Output;

    public static async Task<NotificationsProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var environment = settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        // Next to the test binaries, with its own runtimeconfig and deps (copied there as a referenced project).
        var service = new NotificationsProcess(ServerProcess.Start(null, environment, "dotnet", Path.Combine(AppContext.BaseDirectory, "Notifications.dll")));
        await NotificationsFixture.WaitForConsumerQueuesAsync(settings["ConnectionStrings:rabbitmq"]);
        return service;
    }

    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(30));

    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
