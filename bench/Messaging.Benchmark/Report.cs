using System.Diagnostics;
using System.Globalization;
using ChatApp.Messaging.Benchmark.Idle;
using ChatApp.Messaging.Benchmark.Load;
using ChatApp.Messaging.Benchmark.Stack;

namespace ChatApp.Messaging.Benchmark;

/// <summary>Prints progress as the run goes and the figures at its end, baseline beside the real system, with the issue's targets.</summary>
public sealed class Report(BenchmarkOptions options)
{
    private const double TargetP99 = 50;
    private const int TargetCeiling = 2500;
    private const double TargetCeilingRatio = 0.7;
    private const double TargetServiceKilobytes = 25;
    private const double TargetGatewayKilobytes = 15;
    private static readonly string[] Processes = ["client", "gateway", "service", "mariadb", "redis", "rabbitmq"];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<SystemResult> _systems = [];
    private IdleResult? _idle;

    public void Header()
    {
        Console.WriteLine($"Messaging benchmark — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"  {options.Users} users in {options.Users / 2} direct conversations, {options.Rate} messages/s, {options.BodyBytes}-byte texts in {EnvelopeBytes(options.BodyBytes)}-byte envelopes, " +
                          $"delivery receipts {(options.Acknowledge ? "on" : "off")}, {options.WarmUp.TotalSeconds:0} s warm-up, {options.Window.TotalSeconds:0} s measured; " +
                          $"ceiling {(options.Ceiling ? $"by steps of {options.Step.TotalSeconds:0} s" : "off")}; {options.IdleConnections} idle connections held {options.IdleHold.TotalSeconds:0} s");
    }

    /// <summary>The size of a message's envelope (version 1, keys for two) with <paramref name="textBytes"/> of text, as <see cref="SimulatedUser"/> sends it.</summary>
    private static int EnvelopeBytes(int textBytes) =>
        ChatApp.Testing.TestEnvelope.Build(Guid.Empty, [Guid.Empty, Guid.Empty], new string('x', textBytes)).Length;

    public void Line(string text) => Console.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {text}");

    public void Run(LoadResult load) =>
        Line($"{load.System} at {load.TargetRate}/s: {load.AcknowledgedPerSecond:0} acknowledged/s, p50 {load.Latency.P50:0.0} ms, p95 {load.Latency.P95:0.0} ms, " +
             $"p99 {load.Latency.P99:0.0} ms, failed {load.Failed}; CPU ms per 1,000 messages: " +
             string.Join(", ", load.Cpu.Keys.Select(process => $"{process} {load.CpuMillisecondsPerThousand(process):0}")));

    public void Add(SystemResult system) => _systems.Add(system);

    public void Idle(IdleResult idle)
    {
        _idle = idle;
        Line($"idle: {idle.Open} of {idle.Requested} open, {idle.OnlineByServer} online by the server's presence, {idle.ClosedByServer} closed");
    }

    public void Summary()
    {
        Console.WriteLine();
        Console.WriteLine($"At {options.Rate} messages/s for {options.Window.TotalSeconds:0} s:");
        Console.WriteLine("| figure | " + string.Join(" | ", _systems.Select(system => system.System)) + " | ratio |");
        Console.WriteLine("| --- | " + string.Join(" | ", _systems.Select(_ => "---")) + " | --- |");
        Row("messages acknowledged per second", system => system.Target.AcknowledgedPerSecond, "0");
        Row("send → deliver p50 (ms)", system => system.Target.Latency.P50, "0.0");
        Row("send → deliver p95 (ms)", system => system.Target.Latency.P95, "0.0");
        Row("send → deliver p99 (ms)", system => system.Target.Latency.P99, "0.0");
        Row("send → deliver max (ms)", system => system.Target.Latency.Max, "0.0");
        Row("send → answered (✓) p50 (ms)", system => system.Target.Answer.P50, "0.0");
        Row("send → answered (✓) p99 (ms)", system => system.Target.Answer.P99, "0.0");
        Row("deliveries measured", system => system.Target.Latency.Count, "0");
        Row("sends failed", system => system.Target.Failed, "0");
        Row("most messages in flight", system => system.Target.MaxInFlight, "0");
        foreach (var process in Processes.Where(process => _systems.Any(system => system.Target.Cpu.ContainsKey(process))))
            Row($"CPU ms per 1,000 messages: {process}", system => system.Target.Cpu.ContainsKey(process) ? system.Target.CpuMillisecondsPerThousand(process) : double.NaN, "0");
        Row("CPU ms per 1,000 messages: all", system => system.Target.Cpu.Keys.Sum(system.Target.CpuMillisecondsPerThousand), "0");
        Row("service memory after the runs (MB)", system => system.Memory["service"] / 1048576.0, "0");
        Row("gateway memory after the runs (MB)", system => system.Memory["gateway"] / 1048576.0, "0");
        Row("ceiling: highest rate sustained (p99 ≤ 250 ms)", system => system.Ceiling ?? 0, "0");

        foreach (var system in _systems.Where(system => system.Stored is not null))
            Console.WriteLine($"\n{system.System}: {system.Stored} messages stored during its runs, {system.AllAnswered} sends answered.");

        if (_idle is { } idle)
        {
            Console.WriteLine($"\nIdle: {idle.Open}/{idle.Requested} connections open after the hold, {idle.OnlineByServer} users online in the servers' presence, " +
                              $"{idle.ClosedByServer} closed, the client processes connected in {idle.ConnectTime.TotalSeconds:0.0} s.");
            Console.WriteLine("| process | connections | memory before → after | KB per connection | CPU ms per second per 1,000 connections |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var cost in idle.Costs)
                Console.WriteLine($"| {cost.Process} | {cost.Connections} | {ProcessTree.Megabytes(cost.Before)} → {ProcessTree.Megabytes(cost.After)} | {cost.KilobytesPerConnection:0.0} | {cost.CpuPerThousand?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"} |");
        }

        Console.WriteLine();
        if (_systems.LastOrDefault(system => system.Stored is not null) is { } messaging)
        {
            var load = messaging.Target;
            Target($"{options.Rate} stored messages/s sustained", load.AcknowledgedPerSecond >= options.Rate * 0.99, $"{load.AcknowledgedPerSecond:0}/s");
            Target($"p99 ≤ {TargetP99} ms at {options.Rate}/s", load.Latency.P99 <= TargetP99, $"{load.Latency.P99:0.0} ms");
            Target("no failed sends", load.Failed == 0, load.Failed.ToString(CultureInfo.InvariantCulture));
            Target("every message stored once", messaging.Stored == messaging.AllAnswered, $"{messaging.Stored} stored, {messaging.AllAnswered} answered");
            if (options.Ceiling)
            {
                var confirmed = messaging.CeilingConfirmed;
                Target($"≥ {TargetCeiling} stored messages/s for {options.Window.TotalSeconds:0} s with p99 ≤ {SystemResult.CeilingP99} ms",
                    confirmed is not null && confirmed.TargetRate >= TargetCeiling && confirmed.Sustained(SystemResult.CeilingP99),
                    confirmed is null ? "no ladder step sustained" : $"{confirmed.AcknowledgedPerSecond:0}/s, p99 {confirmed.Latency.P99:0.0} ms at {confirmed.TargetRate}/s");
                if (_systems.FirstOrDefault(system => system.Stored is null) is { Ceiling: { } relayCeiling })
                {
                    var ratio = (double)(messaging.Ceiling ?? 0) / relayCeiling;
                    Target($"stored ceiling ≥ {TargetCeilingRatio}× the relay's", ratio >= TargetCeilingRatio, $"{messaging.Ceiling ?? 0} / {relayCeiling} = {ratio:0.00}×");
                }
            }
        }
        if (_idle is { } held)
        {
            Target($"{held.Requested} idle connections held", held.Open == held.Requested && held.OnlineByServer >= held.Requested, $"{held.Open} open, {held.OnlineByServer} online");
            foreach (var cost in held.Costs.Where(cost => cost.Process.StartsWith("messaging", StringComparison.Ordinal)))
                Target($"≤ {TargetServiceKilobytes} KB per connection in {cost.Process}", cost.KilobytesPerConnection <= TargetServiceKilobytes, $"{cost.KilobytesPerConnection:0.0} KB");
            foreach (var cost in held.Costs.Where(cost => cost.Process.StartsWith("gateway", StringComparison.Ordinal)))
                Target($"≤ {TargetGatewayKilobytes} KB per connection in {cost.Process}", cost.KilobytesPerConnection <= TargetGatewayKilobytes, $"{cost.KilobytesPerConnection:0.0} KB");
        }
        Console.WriteLine($"\nTotal {_clock.Elapsed.TotalSeconds:0} s.");
    }

    private void Row(string figure, Func<SystemResult, double> value, string format)
    {
        var values = _systems.Select(value).ToList();
        var ratio = values.Count == 2 && values[0] != 0 && !double.IsNaN(values[0]) && !double.IsNaN(values[1])
            ? (values[1] / values[0]).ToString("0.00", CultureInfo.InvariantCulture) + "×"
            : "";
        Console.WriteLine($"| {figure} | " + string.Join(" | ", values.Select(v => double.IsNaN(v) ? "—" : v.ToString(format, CultureInfo.InvariantCulture))) + $" | {ratio} |");
    }

    private static void Target(string what, bool met, string measured) =>
        Console.WriteLine($"  {(met ? "met" : "MISSED"),-6} {what}: {measured}");
}
