using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ChatApp.Testing;

/// <summary>
/// A STUN Binding Request over UDP (RFC 8489), the first thing a browser asks a STUN or TURN
/// server: no credentials, one datagram each way. Used to tell when a TURN server is up.
/// </summary>
public static class StunBinding
{
    private const ushort BindingRequest = 0x0001;
    private const ushort BindingSuccessResponse = 0x0101;
    private const ushort XorMappedAddress = 0x0020;
    private const uint MagicCookie = 0x2112A442;
    private const int HeaderLength = 20;

    /// <summary>
    /// Sends a Binding Request to <paramref name="host"/>:<paramref name="port"/> and returns the address
    /// the server saw it come from (XOR-MAPPED-ADDRESS). Throws when the server answers anything but a
    /// Binding Success Response, refuses (nothing listens), or stays silent for <paramref name="timeout"/>.
    /// </summary>
    public static async Task<IPEndPoint> RequestAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Type, length 0 (no attributes), the magic cookie, then a random 12-byte transaction id.
        var request = new byte[HeaderLength];
        BinaryPrimitives.WriteUInt16BigEndian(request, BindingRequest);
        BinaryPrimitives.WriteUInt32BigEndian(request.AsSpan(4), MagicCookie);
        RandomNumberGenerator.Fill(request.AsSpan(8));

        using var client = new UdpClient(AddressFamily.InterNetwork);
        // Connected, so that a closed port fails at once (ICMP port unreachable) rather than by timeout.
        client.Connect(host, port);
        await client.SendAsync(request, cancellationToken);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var answer = (await client.ReceiveAsync(waiting.Token)).Buffer;
                if (answer.Length < HeaderLength || !answer.AsSpan(8, 12).SequenceEqual(request.AsSpan(8, 12)))
                    continue; // not the answer to this request
                var type = BinaryPrimitives.ReadUInt16BigEndian(answer);
                if (type != BindingSuccessResponse)
                    throw new InvalidOperationException($"The STUN server at {host}:{port} answered a binding request with type 0x{type:x4}.");
                return MappedAddress(answer)
                    ?? throw new InvalidOperationException($"The STUN server at {host}:{port} answered without an IPv4 XOR-MAPPED-ADDRESS.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer to a STUN binding request from {host}:{port} within {timeout}.");
        }
    }

    private static IPEndPoint? MappedAddress(byte[] message)
    {
        var length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(2)), message.Length - HeaderLength);
        var attributes = message.AsSpan(HeaderLength, length);
        while (attributes.Length >= 4)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(attributes);
            var valueLength = BinaryPrimitives.ReadUInt16BigEndian(attributes[2..]);
            if (attributes.Length < 4 + valueLength)
                break;
            var value = attributes.Slice(4, valueLength);
            // Reserved byte, family (1 = IPv4), port and address XOR-ed with the magic cookie.
            if (type == XorMappedAddress && valueLength == 8 && value[1] == 1)
            {
                var port = BinaryPrimitives.ReadUInt16BigEndian(value[2..]) ^ (ushort)(MagicCookie >> 16);
                var address = BinaryPrimitives.ReadUInt32BigEndian(value[4..]) ^ MagicCookie;
                var bytes = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
                return new IPEndPoint(new IPAddress(bytes), port);
            }
            // Values are padded to a multiple of four bytes.
            attributes = attributes[(4 + ((valueLength + 3) & ~3))..];
        }
        return null;
    }
}
