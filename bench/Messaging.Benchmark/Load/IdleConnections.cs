using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Benchmark.Load;

/// <summary>Many devices connected and doing nothing: what holding them costs, and whether they stay.</summary>
public sealed class IdleConnections : IAsyncDisposable
{
    private readonly ConcurrentBag<HubConnection> _connections = [];
    private long _closed;

    public int Open => _connections.Count(connection => connection.State == HubConnectionState.Connected);

    public long ClosedByServer => Interlocked.Read(ref _closed);

    public TimeSpan ConnectTime { get; private set; }

    /// <summary>Connects <paramref name="count"/> devices, spread over <paramref name="hubs"/>, <paramref name="parallel"/> handshakes at a time.</summary>
    public async Task ConnectAsync(IReadOnlyList<Uri> hubs, int count, Func<Guid, string> tokenFor, int parallel)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, cancellationToken) =>
        {
            var token = tokenFor(Guid.CreateVersion7());
            var connection = new HubConnectionBuilder()
                .WithUrl(hubs[index % hubs.Count], options =>
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                })
                .Build();
            connection.Closed += _ =>
            {
                Interlocked.Increment(ref _closed);
                return Task.CompletedTask;
            };
            await connection.StartAsync(cancellationToken);
            _connections.Add(connection);
        });
        ConnectTime = clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (connection, _) => await connection.DisposeAsync());
    }
}
