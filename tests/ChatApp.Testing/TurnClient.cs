using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ChatApp.Testing;

/// <summary>What one allocation attempt came to, with the client's whole output for assertion messages.</summary>
/// <param name="Succeeded">The server granted relay addresses (and the client relayed through them).</param>
/// <param name="ExitCode">turnutils_uclient's exit code; null when it was stopped for taking too long.</param>
public sealed record TurnAllocation(bool Succeeded, int? ExitCode, string Command, string Output)
{
    public override string ToString() =>
        $"{(Succeeded ? "allocated" : "refused")} (exit code {ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none: timed out"}): {Command}\n{Output}";
}

/// <summary>Asks a TURN server for an allocation as a browser would, through coturn's test client turnutils_uclient.</summary>
public static class TurnClient
{
    private const string Tool = "turnutils_uclient";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Allocates a relay on <paramref name="server"/> over <paramref name="transport"/> ("udp" or "tcp")
    /// with these long-term credentials: two clients allocate, bind channels to each other's relay
    /// addresses and exchange one message through them, then release; about 3-6 s when granted, at
    /// once when refused. Success is the client's exit code 0 with relay addresses received; a
    /// refusal (401 from the server) ends with exit code 255 and "ERROR: Cannot complete Allocation".
    /// </summary>
    public static async Task<TurnAllocation> TryAllocateAsync(
        TurnServer server, string username, string password, string transport = "udp", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var arguments = new List<string>
        {
            // -v prints each step ("allocate sent", "success", "Received relay addr"); -y: client to
            // client (the two relay to each other, no outside peer); -c: no second (RTCP) allocation;
            // -n 1 -m 1: one message, one pair of clients.
            "-v", "-y", "-c", "-n", "1", "-m", "1",
            "-u", username, "-w", password,
            "-p", server.Port.ToString(CultureInfo.InvariantCulture),
        };
        switch (transport)
        {
            case "udp":
                break;
            case "tcp":
                arguments.Insert(0, "-t");
                break;
            default:
                throw new ArgumentException($"The transport is udp or tcp, not '{transport}'.", nameof(transport));
        }
        arguments.Add(server.Host);

        var info = new ProcessStartInfo(Tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var command = $"{Tool} {string.Join(' ', arguments)}";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(Timeout);
        try
        {
            // Returns once the process has exited and its redirected output has been read to the end.
            await process.WaitForExitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new TurnAllocation(false, null, command, Text(output));
        }

        var text = Text(output);
        var succeeded = process.ExitCode == 0
            && text.Contains("Received relay addr", StringComparison.Ordinal)
            && !text.Contains("ERROR", StringComparison.Ordinal);
        return new TurnAllocation(succeeded, process.ExitCode, command, text);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
