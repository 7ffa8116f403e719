using DotNet.Testcontainers.Containers;

namespace ChatApp.Testing;

/// <summary>
/// A server for tests, from the first place that has one: the environment variable that names one
/// (shared from outside: the tests never stop it), else a private process the tests start on free
/// ports in a temporary folder (<see cref="LocalServer"/>), else a Testcontainers container.
/// Disposing it stops and removes whatever the tests started.
/// </summary>
public abstract class TestServer : IAsyncDisposable
{
    // An image pull comes first on a fresh machine.
    private protected static readonly TimeSpan ContainerStartTimeout = TimeSpan.FromMinutes(5);
    private readonly string _name;
    private readonly IAsyncDisposable? _startedHere;

    private protected TestServer(Origin origin)
    {
        (_name, ConnectionString, _startedHere) = (origin.Name, origin.ConnectionString, origin.StartedHere);
    }

    /// <summary>How a client reaches the server, in the form its client library takes.</summary>
    public string ConnectionString { get; }

    /// <summary>The process of a server the tests started themselves (to measure what it costs), else null.</summary>
    public int? ProcessId => (_startedHere as LocalServer)?.ProcessId;

    /// <summary>What a kind of server needs to be taken from the environment, started locally or run in a container.</summary>
    /// <param name="Name">As messages name it (MySQL server, RabbitMQ, …).</param>
    /// <param name="Executable">The program whose presence says a private server can be started.</param>
    /// <param name="Package">The Debian package that installs it.</param>
    private protected sealed record Kind(
        string Name,
        string EnvironmentVariable,
        string Executable,
        string Package,
        Func<LocalServer> NewLocal,
        Func<IContainer> NewContainer,
        Func<IContainer, string> ContainerConnectionString);

    /// <summary>Where the server came from: <paramref name="StartedHere"/> is what the tests started (null if given from outside).</summary>
    private protected sealed record Origin(string Name, string ConnectionString, IAsyncDisposable? StartedHere);

    private protected static async Task<Origin> FindOrStartAsync(Kind kind)
    {
        if (Environment.GetEnvironmentVariable(kind.EnvironmentVariable) is { Length: > 0 } given)
            return new Origin(kind.Name, given, null);
        if (LocalExecutable.Exists(kind.Executable))
        {
            var local = await LocalServer.StartNewAsync(kind.NewLocal);
            return new Origin(kind.Name, local.ConnectionString, local);
        }
        if (ContainerEngine.IsAvailable())
        {
            var container = kind.NewContainer();
            try
            {
                await container.StartAsync();
            }
            catch
            {
                // The caller gets no server to dispose, so nothing may be left behind.
                await container.DisposeAsync();
                throw;
            }
            return new Origin(kind.Name, kind.ContainerConnectionString(container), container);
        }
        throw new InvalidOperationException(
            $"No {kind.Name} for the tests: set {kind.EnvironmentVariable}, install the {kind.Package} package (./test.sh does), or run a Docker engine.");
    }

    /// <summary>Stops a private server (an outage), keeping its ports and data folder.</summary>
    private protected Task StopPrivateAsync() => Private().StopServerAsync();

    /// <summary>Starts a stopped private server again, on the same ports and data folder.</summary>
    private protected Task StartPrivateAgainAsync() => Private().StartServerAsync();

    private LocalServer Private() =>
        _startedHere as LocalServer ?? throw new InvalidOperationException($"Only a {_name} the tests started themselves can be stopped and restarted.");

    public async ValueTask DisposeAsync()
    {
        if (_startedHere is not null)
            await _startedHere.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
