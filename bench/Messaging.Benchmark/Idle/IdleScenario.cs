using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatApp.Messaging.Benchmark.Stack;
using ChatApp.Testing;

namespace ChatApp.Messaging.Benchmark.Idle;

/// <summary>What holding idle connections cost one process: its memory before and after, over the connections it holds, and its CPU while holding them.</summary>
public sealed record IdleCost(string Process, int Connections, long Before, long After, TimeSpan? CpuPerSecond)
{
    public double KilobytesPerConnection => (After - Before) / 1024.0 / Connections;

    /// <summary>Milliseconds of CPU per second for each 1,000 connections held.</summary>
    public double? CpuPerThousand => CpuPerSecond?.TotalMilliseconds * 1000 / Connections;
}

/// <summary>Idle connections held, and at what cost.</summary>
public sealed record IdleResult(int Requested, int Open, long ClosedByServer, int OnlineByServer, TimeSpan ConnectTime, IReadOnlyList<IdleCost> Costs);

/// <summary>
/// Many devices connected and doing nothing, as many as the run asks: one process may open only
/// 20,000 files here, so two fresh Messaging replicas (sharing Redis, as in production) each hold half,
/// through two gateways each (a gateway holds two sockets per proxied WebSocket), and two client
/// processes hold the devices. Memory per connection is each process's growth over the devices it
/// holds, from a first few devices per gateway (so the first connection's one-off costs — code
/// compiled, pools filled — are not counted) to the end of the hold.
/// </summary>
public static class IdleScenario
{
    private const int GatewaysPerReplica = 2;
    private const int ClientProcesses = 2;
    private const int FirstDevicesPerGateway = 50;

    public static async Task<IdleResult> RunAsync(SystemUnderTest stack, BenchmarkOptions options, Report report)
    {
        var started = new List<IAsyncDisposable>();
        var folders = new List<string>();
        try
        {
            // Fresh replicas: the load runs' replica carries their heap, which would hide what connections add.
            DotnetProcess[] replicas = [Own(started, await stack.StartMessagingAsync("messaging-1")), Own(started, await stack.StartMessagingAsync("messaging-2"))];
            var gateways = new List<DotnetProcess>();
            foreach (var (replica, index) in replicas.SelectMany(replica => Enumerable.Repeat(replica, GatewaysPerReplica)).Select((replica, index) => (replica, index)))
                gateways.Add(Own(started, await stack.StartGatewayAsync($"gateway-{index + 1}", replica.Address)));
            var hubs = gateways.Select(Scenarios.Hub).ToList();

            var first = Own(started, new IdleConnections());
            await first.ConnectAsync(hubs, FirstDevicesPerGateway * hubs.Count, _ => Token(stack), 25);
            var before = Snapshot(stack, replicas, gateways);

            var perClient = (options.IdleConnections - FirstDevicesPerGateway * hubs.Count) / ClientProcesses;
            report.Line($"idle: {first.Open} first devices connected; connecting {perClient * ClientProcesses} more from {ClientProcesses} processes…");
            var clients = new List<(ServerProcess Process, string Folder)>();
            for (var i = 0; i < ClientProcesses; i++)
            {
                var folder = Directory.CreateTempSubdirectory("chatapp-idle-client-").FullName;
                folders.Add(folder);
                await File.WriteAllLinesAsync(Path.Combine(folder, "tokens"), Enumerable.Range(0, perClient).Select(_ => Token(stack)));
                var process = Own(started, ServerProcess.Start(null, new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" }, "dotnet",
                    [typeof(IdleClient).Assembly.Location, IdleClient.Mode, folder, .. hubs.Select(hub => hub.ToString())]));
                clients.Add((process, folder));
            }
            var ready = new List<double[]>();
            foreach (var (process, folder) in clients)
                ready.Add(await ReadWhenWrittenAsync(process, folder, "ready", TimeSpan.FromMinutes(10)));
            var connectTime = TimeSpan.FromSeconds(ready.Max(values => values[2]));
            report.Line($"idle: {first.Open + ready.Sum(values => (int)values[1])} connected (the clients took {connectTime.TotalSeconds:0.0} s); holding {options.IdleHold.TotalSeconds:0} s…");
            // What holding them costs in CPU (pings every 15 s, presence renewed every 20 s): the servers' processes during the hold.
            var cpu = new CpuMeter(replicas.Concat(gateways).ToDictionary(process => process.Name, process => process.Id).Append(new("redis", stack.RedisProcessId)).ToDictionary());
            cpu.Start();
            await Task.Delay(options.IdleHold);
            var held = cpu.Stop();

            var online = await OnlineAsync(stack, gateways[0]);
            var after = Snapshot(stack, replicas, gateways);
            var results = new List<double[]>();
            foreach (var (process, folder) in clients)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, "stop"), "");
                results.Add(await ReadWhenWrittenAsync(process, folder, "result", TimeSpan.FromMinutes(1)));
            }

            // Devices are spread round-robin over the gateways by each client process, and replicas get their gateways' devices.
            int OnGateway(int gateway) => clients.Count * ((perClient + hubs.Count - 1 - gateway) / hubs.Count);
            var costs = new List<IdleCost>();
            IdleCost Cost(string process, int connections) => new(process, connections, before[process], after[process], held[process] / options.IdleHold.TotalSeconds);
            for (var i = 0; i < replicas.Length; i++)
                costs.Add(Cost(replicas[i].Name, Enumerable.Range(i * GatewaysPerReplica, GatewaysPerReplica).Sum(OnGateway)));
            for (var i = 0; i < gateways.Count; i++)
                costs.Add(Cost(gateways[i].Name, OnGateway(i)));
            costs.Add(Cost("redis", perClient * clients.Count));
            for (var i = 0; i < clients.Count; i++)
                costs.Add(new IdleCost($"client-{i + 1}", perClient, (long)ready[i][0], ProcessTree.ResidentBytes(clients[i].Process.Id), null));

            var open = first.Open + results.Sum(values => (int)values[0]);
            var closed = first.Closed + results.Sum(values => (long)values[1]);
            return new IdleResult(options.IdleConnections, open, closed, online, connectTime, costs);
        }
        finally
        {
            for (var i = started.Count - 1; i >= 0; i--)
                await started[i].DisposeAsync();
            foreach (var folder in folders)
                Directory.Delete(folder, recursive: true);
        }
    }

    private static T Own<T>(List<IAsyncDisposable> started, T part) where T : IAsyncDisposable
    {
        started.Add(part);
        return part;
    }

    private static string Token(SystemUnderTest stack) => stack.Authority.Tokens.Issue(Guid.CreateVersion7(), "idle", lifetime: TimeSpan.FromHours(2));

    private static Dictionary<string, long> Snapshot(SystemUnderTest stack, IEnumerable<DotnetProcess> replicas, IEnumerable<DotnetProcess> gateways)
    {
        var memory = replicas.Concat(gateways).ToDictionary(process => process.Name, process => process.ResidentBytes());
        memory["redis"] = ProcessTree.ResidentBytes(stack.RedisProcessId);
        return memory;
    }

    /// <summary>Users online as the servers' shared presence counts them.</summary>
    private static async Task<int> OnlineAsync(SystemUnderTest stack, DotnetProcess gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(stack));
        var online = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/messaging/presence", UriKind.Relative));
        return online.GetArrayLength();
    }

    private static async Task<double[]> ReadWhenWrittenAsync(ServerProcess client, string folder, string name, TimeSpan timeout)
    {
        var path = Path.Combine(folder, name);
        await Eventually.HoldsAsync(() =>
        {
            if (client.HasExited && !File.Exists(path))
                throw new InvalidOperationException($"An idle client exited:\n{client.Output}");
            return Task.FromResult(File.Exists(path));
        }, timeout, () => $"An idle client did not write {name} in {timeout.TotalSeconds:0} s:\n{client.Output}");
        return [.. (await File.ReadAllTextAsync(path)).Split(' ').Select(value => double.Parse(value, CultureInfo.InvariantCulture))];
    }
}
