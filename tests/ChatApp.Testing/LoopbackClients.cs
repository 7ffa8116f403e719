using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ChatApp.Testing;

/// <summary>
/// Clients that come from addresses of their own: all of 127.0.0.0/8 is this machine's on Linux,
/// so a test can be two (or more) different people as a server sees them, without any network.
/// </summary>
public static class LoopbackClients
{
    /// <summary>A random address in 127.0.0.0/8 other than 127.0.0.1 and the broadcast ones.</summary>
    public static IPAddress RandomAddress() =>
        new([127, (byte)RandomNumberGenerator.GetInt32(1, 255), (byte)RandomNumberGenerator.GetInt32(256), (byte)RandomNumberGenerator.GetInt32(1, 255)]);

    /// <summary>An HTTP client whose connections leave from <paramref name="local"/> for 127.0.0.1 at <paramref name="server"/>'s port.</summary>
    public static HttpClient From(IPAddress local, Uri server) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                // The socket is ours until the stream owns it.
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = server };
}
