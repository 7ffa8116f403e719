using System.Diagnostics;
using System.Globalization;
using ChatApp.Messaging.Benchmark.Stack;

namespace ChatApp.Messaging.Benchmark;

/// <summary>Prints progress as the run goes and the figures at its end, baseline beside the real system.</summary>
public sealed class Report(BenchmarkOptions options)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<RunResult> _runs = [];
    private IdleResult? _idle;

    public void Header()
    {
        Console.WriteLine($"Messaging benchmark — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"  {options.Users} users in {options.Users / 2} direct conversations, {options.Rate} messages/s, {options.BodyBytes}-byte texts in {EnvelopeBytes(options.BodyBytes)}-byte envelopes, " +
                          $"delivery receipts {(options.Acknowledge ? "on" : "off")}, {options.WarmUp.TotalSeconds:0} s warm-up, {options.Window.TotalSeconds:0} s measured; " +
                          $"{options.IdleConnections} idle connections held {options.IdleHold.TotalSeconds:0} s");
    }

    /// <summary>The size of a message's envelope (version 1, keys for two) with <paramref name="textBytes"/> of text, as <see cref="Load.SimulatedUser"/> sends it.</summary>
    private static int EnvelopeBytes(int textBytes) =>
        ChatApp.Testing.TestEnvelope.Build(Guid.Empty, [Guid.Empty, Guid.Empty], new string('x', textBytes)).Length;

    public void Line(string text) => Console.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {text}");

    public void Add(RunResult run)
    {
        _runs.Add(run);
        var load = run.Load;
        Line($"{load.System}: {load.AcknowledgedPerSecond:0} acknowledged/s, p50 {load.Latency.P50:0.0} ms, p95 {load.Latency.P95:0.0} ms, p99 {load.Latency.P99:0.0} ms, failed {load.Failed}");
    }

    public void Idle(IdleResult idle)
    {
        _idle = idle;
        Line($"idle: {idle.Open} of {idle.Requested} open, {idle.OnlineByServer} online by the server's presence, {idle.ClosedByServer} closed");
    }

    public void Summary()
    {
        Console.WriteLine();
        Console.WriteLine("| figure | " + string.Join(" | ", _runs.Select(run => run.Load.System)) + " | ratio |");
        Console.WriteLine("| --- | " + string.Join(" | ", _runs.Select(_ => "---")) + " | --- |");
        Row("messages acknowledged per second", run => run.Load.AcknowledgedPerSecond, "0");
        Row("send → deliver p50 (ms)", run => run.Load.Latency.P50, "0.0");
        Row("send → deliver p95 (ms)", run => run.Load.Latency.P95, "0.0");
        Row("send → deliver p99 (ms)", run => run.Load.Latency.P99, "0.0");
        Row("send → deliver max (ms)", run => run.Load.Latency.Max, "0.0");
        Row("deliveries measured", run => run.Load.Latency.Count, "0");
        Row("sends failed", run => run.Load.Failed, "0");
        Row("most messages in flight", run => run.Load.MaxInFlight, "0");
        Row("server process memory (MB)", run => run.Memory.First().Value / 1048576.0, "0");
        Row("gateway memory (MB)", run => run.Memory["gateway"] / 1048576.0, "0");
        foreach (var run in _runs.Where(run => run.Stored is not null))
            Console.WriteLine($"\n{run.Load.System}: {run.Stored} messages stored during the run (warm-up included), {run.Load.Acknowledged} acknowledged in the window.");

        if (_idle is { } idle)
        {
            Console.WriteLine($"\nIdle: {idle.Open}/{idle.Requested} connections open after the hold, {idle.OnlineByServer} users online in the server's presence, " +
                              $"{idle.ClosedByServer} closed, connected in {idle.ConnectTime.TotalSeconds:0.0} s; memory: " +
                              string.Join(", ", idle.Memory.Select(entry => $"{entry.Key} {Memory.Megabytes(entry.Value)}")));
        }

        var messaging = _runs.LastOrDefault(run => run.Stored is not null)?.Load;
        if (messaging is not null)
        {
            Console.WriteLine();
            Target($"≥ {options.Rate} stored messages/s", messaging.AcknowledgedPerSecond >= options.Rate * 0.99, $"{messaging.AcknowledgedPerSecond:0}/s");
            Target("p99 ≤ 100 ms", messaging.Latency.P99 <= 100, $"{messaging.Latency.P99:0.0} ms");
            Target("no failed sends", messaging.Failed == 0, messaging.Failed.ToString(CultureInfo.InvariantCulture));
        }
        if (_idle is { } held)
            Target($"{held.Requested} idle connections held", held.Open == held.Requested && held.OnlineByServer >= held.Requested, $"{held.Open} open, {held.OnlineByServer} online");
        Console.WriteLine($"\nTotal {_clock.Elapsed.TotalSeconds:0} s.");
    }

    private void Row(string figure, Func<RunResult, double> value, string format)
    {
        var values = _runs.Select(value).ToList();
        var ratio = values.Count == 2 && values[0] != 0 ? (values[1] / values[0]).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";
        Console.WriteLine($"| {figure} | " + string.Join(" | ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture))) + $" | {ratio} |");
    }

    private static void Target(string what, bool met, string measured) =>
        Console.WriteLine($"  {(met ? "met" : "MISSED"),-6} {what}: {measured}");
}
