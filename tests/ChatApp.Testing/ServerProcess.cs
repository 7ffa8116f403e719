using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatApp.Testing;

/// <summary>
/// A server process a fixture started: its output is kept for error messages, it is stopped
/// with SIGTERM (then SIGKILL), and it is killed when the test process exits, whatever happens.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    static ServerProcess() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { /* exited meanwhile */ }
            }
        };

    private ServerProcess(Process process) => _process = process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    public static ServerProcess Start(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Running[process.Id] = process;
        return server;
    }

    /// <summary>Asks the server to stop (SIGTERM) and kills it if it has not after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(grace);
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
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
