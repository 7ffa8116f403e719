using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatApp.Testing;

/// <summary>
/// A server process a fixture started: its output is kept for error messages, it is stopped
/// with SIGTERM (then SIGKILL), and it does not outlive the test process, however that ends.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    // RabbitMQ stops cleanly in about 1 s, MariaDB at once; far beyond that, something is wrong with them.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly OrphanWatchdog _watchdog;
    private readonly StringBuilder _output;
    private bool _disposed;

    // The fixtures' DisposeAsync is the normal way out; this covers a test run that ends without it.
    static ServerProcess() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { /* exited meanwhile */ }
            }
        };

    private ServerProcess(Process process, StringBuilder output, OrphanWatchdog watchdog)
    {
        _process = process;
        _output = output;
        _watchdog = watchdog;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>
    /// Starts <paramref name="fileName"/> in a session of its own: a Ctrl+C in the terminal reaches the
    /// test process, which stops its servers in order, rather than every server at once; and the
    /// server's process group is what the watchdog stops should the test process be killed outright.
    /// </summary>
    /// <param name="folder">A folder the watchdog removes after stopping an orphaned server.</param>
    public static ServerProcess Start(string? folder, string fileName, params string[] arguments) =>
        Start(folder, new Dictionary<string, string>(), fileName, arguments);

    /// <summary>As <see cref="Start(string?, string, string[])"/>, with <paramref name="environment"/> added to the server's environment.</summary>
    public static ServerProcess Start(string? folder, IReadOnlyDictionary<string, string> environment, string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        // setsid runs the server in place (same pid), because a child of ours leads no process group.
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, output, OrphanWatchdog.Start(process.Id, folder));
    }

    /// <summary>Asks the server to stop (SIGTERM), as a service manager would, and waits until it has.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        _ = SendSignal(_process.Id, SigTerm);
        using var waiting = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(waiting.Token);
    }

    /// <summary>Ends the server at once (SIGKILL), as a crash or a power cut would: no clean-up of any kind.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the server to stop (SIGTERM), kills it if it has not after a grace period, and lets go of it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        // First, so that it can never act on a process id that has since been reused.
        await _watchdog.DisposeAsync();
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
