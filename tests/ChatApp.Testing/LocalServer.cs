using System.Globalization;

namespace ChatApp.Testing;

/// <summary>
/// A server process the tests start themselves through its script in eng/servers, on ports chosen
/// when it is made and with its data in a temporary folder of its own. It can be stopped and started
/// again on the same ports and data, for outage tests; disposed, it leaves nothing behind.
/// </summary>
/// <param name="name">As messages name it; its folder's name is made from it.</param>
internal abstract class LocalServer(string name) : IAsyncDisposable
{
    private ServerProcess? _process;

    protected string Name => name;

    /// <summary>The temporary folder, which the orphan watchdog removes should the test process die.</summary>
    protected string Folder { get; } = TemporaryFolder.Create(name.ToLowerInvariant());

    /// <summary>Where the server keeps its data, inside <see cref="Folder"/>.</summary>
    protected string DataFolder => Path.Combine(Folder, "data");

    public abstract string ConnectionString { get; }

    /// <summary>The running server's process (its script execs the server), or null while stopped.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>
    /// Starts a server <paramref name="newServer"/> makes. One whose process exits before it is ready
    /// lost a port to another test run's server between the check and the bind (several test projects
    /// start servers side by side): it is started again on fresh ports and folder, twice.
    /// </summary>
    public static async Task<LocalServer> StartNewAsync(Func<LocalServer> newServer)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = newServer();
            try
            {
                await server.StartAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server._process?.HasExited == true)
            {
                // Retried on fresh ports and folder.
                await server.DisposeAsync();
            }
            catch
            {
                // The caller gets no server to dispose, so nothing may be left behind.
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>The first start: the server, and whatever it needs beside it.</summary>
    protected virtual Task StartAsync() => StartServerAsync();

    /// <summary>Starts the server process and waits until it answers.</summary>
    public async Task StartServerAsync()
    {
        if (_process is not null)
            throw new InvalidOperationException($"{name} is running; stop it first.");
        _process = StartProcess();
        await WaitUntilReadyAsync(_process);
    }

    /// <summary>Stops the server process (SIGTERM), keeping its folder.</summary>
    public async Task StopServerAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
        _process = null;
    }

    protected abstract ServerProcess StartProcess();

    /// <summary>Waits until <paramref name="process"/> answers, throwing <see cref="InvalidOperationException"/> if it does not.</summary>
    protected abstract Task WaitUntilReadyAsync(ServerProcess process);

    /// <summary>Runs eng/servers/<paramref name="script"/> with the data folder and then <paramref name="arguments"/>.</summary>
    protected ServerProcess RunScript(string script, params string[] arguments) =>
        ServerProcess.Start(Folder, "bash", [RepositoryRoot.Script($"eng/servers/{script}"), DataFolder, .. arguments]);

    protected static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    public virtual async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        TemporaryFolder.Delete(Folder);
        GC.SuppressFinalize(this);
    }
}
