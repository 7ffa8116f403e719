using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>
/// A TCP relay in front of a server, so that one client of the server (a replica) can be cut off
/// from it while everyone else still reaches it: <see cref="Cut"/> drops every relayed connection
/// and refuses new ones, as a crashed host or a network partition would.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentBag<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private TcpRelay(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A relay to <paramref name="hostAndPort"/> (<c>127.0.0.1:6379</c>).</summary>
    public static TcpRelay To(string hostAndPort)
    {
        var separator = hostAndPort.LastIndexOf(':');
        return new TcpRelay(new IPEndPoint(IPAddress.Parse(hostAndPort[..separator]), int.Parse(hostAndPort[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Drops every relayed connection at once (reset, no goodbye) and accepts no new one.</summary>
    public void Cut()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var socket in _sockets)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (ObjectDisposedException)
            {
                // That connection had already ended.
            }

            socket.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _sockets.Add(client);
        _sockets.Add(server);
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut, or one side went away.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut, or one side went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            Cut();
        await _accepting;
        _stop.Dispose();
    }
}
