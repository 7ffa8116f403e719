using System.Diagnostics;
using System.Globalization;

namespace ChatApp.Testing;

/// <summary>
/// Stops a server once the test process is gone, even when it was killed outright (SIGKILL from a
/// hang timeout, a cancelled CI job), which neither DisposeAsync nor ProcessExit survive.
/// A small shell reads its standard input from us: the kernel closes that pipe when we die,
/// however we die, and the shell then stops the server's process group and removes its folder.
/// </summary>
internal sealed class OrphanWatchdog : IAsyncDisposable
{
    // $1: the server's process group; $2: a folder to remove, or empty.
    // INT and HUP are ignored so that a Ctrl+C in the terminal cannot take the watchdog down before it acts.
    private const string Script = """
        trap '' INT HUP
        read -r _ || true
        kill -TERM -- "-$1" 2>/dev/null
        for _ in $(seq 100); do kill -0 -- "-$1" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- "-$1" 2>/dev/null
        [ -z "$2" ] || rm -rf -- "$2"
        """;

    private readonly Process _process;

    private OrphanWatchdog(Process process) => _process = process;

    public static OrphanWatchdog Start(int processGroup, string? folder)
    {
        var info = new ProcessStartInfo("setsid") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "bash", "-c", Script, "watchdog", processGroup.ToString(CultureInfo.InvariantCulture), folder ?? "" })
            info.ArgumentList.Add(argument);
        return new OrphanWatchdog(Process.Start(info) ?? throw new InvalidOperationException("The watchdog did not start."));
    }

    /// <summary>Called when the server is stopped normally: the watchdog goes without acting.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
