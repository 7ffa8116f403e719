using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatApp.Messaging.Benchmark.Load;
using ChatApp.Messaging.Benchmark.Stack;

namespace ChatApp.Messaging.Benchmark;

/// <summary>A load run and what its server processes held in memory at its end.</summary>
public sealed record RunResult(LoadResult Load, IReadOnlyDictionary<string, long> Memory, long? Stored);

/// <summary>Idle connections held, and at what cost.</summary>
public sealed record IdleResult(int Requested, int Open, long ClosedByServer, int OnlineByServer, TimeSpan ConnectTime, IReadOnlyDictionary<string, long> Memory);

public static class Scenarios
{
    private const int ParallelHandshakes = 50;

    /// <summary>The baseline: the same users, pairs and rate through a gateway to the bare relay.</summary>
    public static async Task<RunResult> RelayBaselineAsync(SystemUnderTest stack, BenchmarkOptions options, Report report)
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
            report.Line($"relay: {options.Rate} messages/s for {options.WarmUp.TotalSeconds:0} s warm-up + {options.Window.TotalSeconds:0} s measured…");
            var load = await SteadyLoad.RunAsync("bare SignalR relay", users, options.Rate, options.WarmUp, options.Window, latencies);
            return new RunResult(load, new Dictionary<string, long> { ["relay"] = relay.ResidentBytes(), ["gateway"] = gateway.ResidentBytes() }, null);
        }
        finally
        {
            await DisconnectAsync(users);
        }
    }

    /// <summary>The real thing: users known from UserRegistered, direct conversations made by a first message, every message stored.</summary>
    public static async Task<RunResult> MessagingAsync(SystemUnderTest stack, BenchmarkOptions options, Report report)
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
                var first = await users[i].SendAsync("SendDirectMessage");
                users[i].Target = users[i + 1].Target = first.GetProperty("conversationId").GetGuid();
            }

            var before = await stack.StoredMessagesAsync();
            report.Line($"messaging: {options.Rate} messages/s for {options.WarmUp.TotalSeconds:0} s warm-up + {options.Window.TotalSeconds:0} s measured…");
            var load = await SteadyLoad.RunAsync("Messaging (stored)", users, options.Rate, options.WarmUp, options.Window, latencies);
            var stored = await stack.StoredMessagesAsync() - before;
            return new RunResult(load, new Dictionary<string, long> { ["messaging"] = stack.Messaging.ResidentBytes(), ["gateway"] = gateway.ResidentBytes() }, stored);
        }
        finally
        {
            await DisconnectAsync(users);
        }
    }

    /// <summary>
    /// Idle devices through two gateway replicas: this sandbox caps open files at 20,000 per
    /// process, and a gateway holds two sockets per proxied WebSocket.
    /// </summary>
    public static async Task<IdleResult> IdleAsync(SystemUnderTest stack, BenchmarkOptions options, Report report)
    {
        await using var first = await stack.StartGatewayAsync("gateway-1", stack.Messaging.Address);
        await using var second = await stack.StartGatewayAsync("gateway-2", stack.Messaging.Address);
        await using var idle = new IdleConnections();
        report.Line($"idle: connecting {options.IdleConnections} devices…");
        await idle.ConnectAsync([Hub(first), Hub(second)], options.IdleConnections, id => stack.Authority.Tokens.Issue(id, "idle"), ParallelHandshakes);
        report.Line($"idle: {idle.Open} connected in {idle.ConnectTime.TotalSeconds:0.0} s; holding {options.IdleHold.TotalSeconds:0} s…");
        await Task.Delay(options.IdleHold);

        using var http = new HttpClient { BaseAddress = first.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stack.Authority.Tokens.Issue(Guid.CreateVersion7(), "observer"));
        var online = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/messaging/presence", UriKind.Relative));
        return new IdleResult(options.IdleConnections, idle.Open, idle.ClosedByServer, online.GetArrayLength(), idle.ConnectTime, new Dictionary<string, long>
        {
            ["messaging"] = stack.Messaging.ResidentBytes(),
            ["gateway-1"] = first.ResidentBytes(),
            ["gateway-2"] = second.ResidentBytes(),
            ["client (this program)"] = Memory.ResidentBytes(Environment.ProcessId),
        });
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
            users[index] = await SimulatedUser.ConnectAsync(Hub(gateway), ids[index], stack.Authority.Tokens.Issue(ids[index], "bench"), latencies, options.Acknowledge, options.BodyBytes));
        report.Line($"{gateway.Name}: {users.Length} users connected in {clock.Elapsed.TotalSeconds:0.0} s");
        return [.. users];
    }

    private static async Task DisconnectAsync(IEnumerable<SimulatedUser> users) =>
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (user, _) => await user.DisposeAsync());

    private static Uri Hub(DotnetProcess gateway) => new(gateway.Address, "/hubs/chat");
}
