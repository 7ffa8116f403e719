using System.Collections.Concurrent;
using System.Diagnostics;
using ChatApp.Messaging.Benchmark.Load;

namespace ChatApp.Messaging.Benchmark.Idle;

/// <summary>Many devices connected and doing nothing: what holding them costs, and whether they stay.</summary>
public sealed class IdleConnections : IAsyncDisposable
{
    private readonly ConcurrentBag<HubSocket> _connections = [];

    public int Open => _connections.Count(connection => connection.Open);

    /// <summary>Connected, and closed since (by the server, or broken).</summary>
    public int Closed => _connections.Count - Open;

    public TimeSpan ConnectTime { get; private set; }

    /// <summary>Connects <paramref name="count"/> devices, the n-th with <paramref name="tokenAt"/>(n), spread over <paramref name="hubs"/>, <paramref name="parallel"/> handshakes at a time.</summary>
    public async Task ConnectAsync(IReadOnlyList<Uri> hubs, int count, Func<int, string> tokenAt, int parallel)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, _) =>
            _connections.Add(await HubSocket.ConnectAsync(hubs[index % hubs.Count], tokenAt(index), (_, _) => { })));
        ConnectTime = clock.Elapsed;
    }

    public async ValueTask DisposeAsync() =>
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (connection, _) => await connection.DisposeAsync());
}
