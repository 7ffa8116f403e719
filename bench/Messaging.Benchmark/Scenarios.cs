using System.Diagnostics;
using ChatApp.Messaging.Benchmark.Load;
using ChatApp.Messaging.Benchmark.Stack;

namespace ChatApp.Messaging.Benchmark;

/// <summary>
/// A system's load runs: the target rate for the full window, then (if asked) a ladder of higher
/// rates to find its ceiling, the highest rate it sustains with p99 ≤ <see cref="CeilingP99"/> ms.
/// </summary>
public sealed record SystemResult(string System, LoadResult Target, IReadOnlyList<LoadResult> Ladder, LoadResult? CeilingConfirmed, IReadOnlyDictionary<string, long> Memory, long? Stored)
{
    public const double CeilingP99 = 250;

    /// <summary>The highest rate of the ladder (or the target rate) sustained in a run of its own.</summary>
    public int? Ceiling => Ladder.Prepend(Target).Where(run => run.Sustained(CeilingP99)).Select(run => (int?)run.TargetRate).Max();

    /// <summary>Every send answered in all its runs, warm-ups included: what should be stored.</summary>
    public long AllAnswered => Ladder.Prepend(Target).Append(CeilingConfirmed).OfType<LoadResult>().Sum(run => run.Answered);
}

public static class Scenarios
{
    private const int ParallelHandshakes = 50;
    private const int LadderStep = 250;
    private const int MostLadderSteps = 16;

    /// <summary>The baseline: the same users, pairs and rates through a gateway to the bare relay.</summary>
    public static async Task<SystemResult> RelayBaselineAsync(SystemUnderTest stack, BenchmarkOptions options, Report report)
    {
        await using var relay = await stack.StartRelayAsync();
        await using var gateway = await stack.StartGatewayAsync("gateway-relay", relay.Address);
        var latencies = new LatencyRecorder();
        var users = await ConnectAsync(stack, gateway, options, latencies, report);
        try
        {
            for (var i = 0; i + 1 < users.Count; i += 2)
            {
                (users[i].Target, users[i + 1].Target) = (users[i + 1].Id, users[i].Id);
                (users[i].PeerId, users[i + 1].PeerId) = (users[i + 1].Id, users[i].Id);
            }
            var cpu = new CpuMeter(new Dictionary<string, int> { ["gateway"] = gateway.Id, ["service"] = relay.Id });
            var (target, ladder, _) = await LoadAsync("bare SignalR relay", users, options, latencies, cpu, report, confirmCeiling: false);
            return new SystemResult("bare SignalR relay", target, ladder, null, new Dictionary<string, long> { ["service"] = relay.ResidentBytes(), ["gateway"] = gateway.ResidentBytes() }, null);
        }
        finally
        {
            await DisconnectAsync(users);
        }
    }

    /// <summary>The real thing: users known from UserRegistered, direct conversations made by a first message, every message stored.</summary>
    public static async Task<SystemResult> MessagingAsync(SystemUnderTest stack, BenchmarkOptions options, Report report)
    {
        await using var gateway = await stack.StartGatewayAsync("gateway", stack.Messaging.Address);
        var latencies = new LatencyRecorder();
        var users = await ConnectAsync(stack, gateway, options, latencies, report, register: true);
        try
        {
            for (var i = 0; i + 1 < users.Count; i += 2)
            {
                (users[i].PeerId, users[i + 1].PeerId) = (users[i + 1].Id, users[i].Id);
                users[i].Target = users[i + 1].Id;
                var conversation = await users[i].SendFirstAsync();
                users[i].Target = users[i + 1].Target = conversation;
            }

            var cpu = new CpuMeter(new Dictionary<string, int>
            {
                ["gateway"] = gateway.Id,
                ["service"] = stack.Messaging.Id,
                ["mariadb"] = stack.DatabaseProcessId,
                ["redis"] = stack.RedisProcessId,
                ["rabbitmq"] = stack.BrokerProcessId,
            });
            var before = await stack.StoredMessagesAsync();
            var (target, ladder, confirmed) = await LoadAsync("Messaging (stored)", users, options, latencies, cpu, report, confirmCeiling: true);
            var stored = await stack.StoredMessagesAsync() - before;
            return new SystemResult("Messaging (stored)", target, ladder, confirmed,
                new Dictionary<string, long> { ["service"] = stack.Messaging.ResidentBytes(), ["gateway"] = gateway.ResidentBytes() }, stored);
        }
        finally
        {
            await DisconnectAsync(users);
        }
    }

    /// <summary>
    /// The target rate for warm-up + window; then, with <c>--ceiling on</c>, rates rising by
    /// <see cref="LadderStep"/> for warm-up + <c>--step</c> seconds each until one is not sustained;
    /// and, if asked, the highest sustained rate again for the full window.
    /// </summary>
    private static async Task<(LoadResult Target, List<LoadResult> Ladder, LoadResult? Confirmed)> LoadAsync(
        string system, IReadOnlyList<SimulatedUser> users, BenchmarkOptions options, LatencyRecorder latencies, CpuMeter cpu, Report report, bool confirmCeiling)
    {
        report.Line($"{system}: {options.Rate} messages/s for {options.WarmUp.TotalSeconds:0} s warm-up + {options.Window.TotalSeconds:0} s measured…");
        var target = await SteadyLoad.RunAsync(system, users, options.Rate, options.WarmUp, options.Window, latencies, cpu);
        report.Run(target);
        var ladder = new List<LoadResult>();
        if (!options.Ceiling || !target.Sustained(SystemResult.CeilingP99))
            return (target, ladder, null);

        for (var step = 1; step <= MostLadderSteps; step++)
        {
            var rate = options.Rate + step * LadderStep;
            var run = await SteadyLoad.RunAsync(system, users, rate, TimeSpan.FromSeconds(5), options.Step, latencies, cpu);
            report.Run(run);
            ladder.Add(run);
            if (!run.Sustained(SystemResult.CeilingP99))
                break;
            await Task.Delay(TimeSpan.FromSeconds(2)); // Let the last answers and receipts settle before the next step.
        }

        var ceiling = ladder.Where(run => run.Sustained(SystemResult.CeilingP99)).Select(run => run.TargetRate).DefaultIfEmpty(0).Max();
        if (!confirmCeiling || ceiling == 0)
            return (target, ladder, null);
        report.Line($"{system}: its ceiling, {ceiling} messages/s, again for {options.Window.TotalSeconds:0} s…");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var confirmed = await SteadyLoad.RunAsync(system, users, ceiling, TimeSpan.FromSeconds(5), options.Window, latencies, cpu);
        report.Run(confirmed);
        return (target, ladder, confirmed);
    }

    private static async Task<List<SimulatedUser>> ConnectAsync(
        SystemUnderTest stack, DotnetProcess gateway, BenchmarkOptions options, LatencyRecorder latencies, Report report, bool register = false)
    {
        var ids = Enumerable.Range(0, options.Users).Select(_ => Guid.CreateVersion7()).ToList();
        if (register)
            await stack.RegisterUsersAsync(ids);
        var clock = Stopwatch.StartNew();
        var users = new SimulatedUser[ids.Count];
        await Parallel.ForAsync(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelHandshakes }, async (index, _) =>
            users[index] = await SimulatedUser.ConnectAsync(Hub(gateway), ids[index], stack.Authority.Tokens.Issue(ids[index], "bench", lifetime: TimeSpan.FromHours(2)), latencies, options.Acknowledge, options.BodyBytes));
        report.Line($"{gateway.Name}: {users.Length} users connected in {clock.Elapsed.TotalSeconds:0.0} s");
        return [.. users];
    }

    private static async Task DisconnectAsync(IEnumerable<SimulatedUser> users) =>
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (user, _) => await user.DisposeAsync());

    public static Uri Hub(DotnetProcess gateway) => new(gateway.Address, "/hubs/chat");
}
