using System.Globalization;
using ChatApp.Messaging.Benchmark.Stack;

namespace ChatApp.Messaging.Benchmark.Idle;

/// <summary>
/// This program again, as a process holding idle devices: one process may open only 20,000 files
/// here, so 20,000 devices need two. It talks to the benchmark through files in a folder: it reads
/// the devices' tokens from <c>tokens</c>, writes <c>ready</c> (its memory before connecting, the
/// devices open, seconds taken) once connected, and on <c>stop</c> writes <c>result</c> (devices
/// still open, closed by the server) and disconnects.
/// </summary>
public static class IdleClient
{
    public const string Mode = "idle-client";
    private const int ParallelHandshakes = 25;

    public static async Task RunAsync(string[] args)
    {
        var (folder, hubs) = (args[0], args[1..].Select(hub => new Uri(hub)).ToList());
        var tokens = await File.ReadAllLinesAsync(Path.Combine(folder, "tokens"));
        var memoryBefore = ProcessTree.ResidentBytes(Environment.ProcessId);
        await using var idle = new IdleConnections();
        await idle.ConnectAsync(hubs, tokens.Length, index => tokens[index], ParallelHandshakes);
        await WriteAsync(folder, "ready", memoryBefore, idle.Open, idle.ConnectTime.TotalSeconds);
        while (!File.Exists(Path.Combine(folder, "stop")))
            await Task.Delay(250);
        await WriteAsync(folder, "result", idle.Open, idle.Closed);
    }

    /// <summary>Written whole, then renamed, so the benchmark never reads half a file.</summary>
    private static async Task WriteAsync(string folder, string name, params object[] values)
    {
        var partial = Path.Combine(folder, name + ".partial");
        await File.WriteAllTextAsync(partial, string.Join(' ', values.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture))));
        File.Move(partial, Path.Combine(folder, name));
    }
}
