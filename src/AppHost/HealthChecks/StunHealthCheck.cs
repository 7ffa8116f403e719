using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatApp.AppHost.HealthChecks;

/// <summary>
/// Healthy when a STUN Binding Request over UDP gets a Binding Success Response (RFC 8489): the
/// question every browser asks a TURN server first. It needs no credentials, and coturn does not log it.
/// </summary>
internal sealed class StunHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    private const ushort BindingRequest = 0x0001;
    private const ushort BindingSuccessResponse = 0x0101;
    private const uint MagicCookie = 0x2112A442;
    private const int HeaderLength = 20;
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Type, length 0 (no attributes), the magic cookie, then a random 12-byte transaction id.
        var request = new byte[HeaderLength];
        BinaryPrimitives.WriteUInt16BigEndian(request, BindingRequest);
        BinaryPrimitives.WriteUInt32BigEndian(request.AsSpan(4), MagicCookie);
        RandomNumberGenerator.Fill(request.AsSpan(8));

        using var client = new UdpClient(AddressFamily.InterNetwork);
        // Connected, so that a closed port fails at once (ICMP port unreachable) rather than by timeout.
        client.Connect(IPAddress.Loopback, endpoint.Port);
        await client.SendAsync(request, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            while (true)
            {
                var answer = (await client.ReceiveAsync(timeout.Token)).Buffer;
                if (answer.Length < HeaderLength || !answer.AsSpan(8, 12).SequenceEqual(request.AsSpan(8, 12)))
                    continue; // not the answer to this request
                var type = BinaryPrimitives.ReadUInt16BigEndian(answer);
                return type == BindingSuccessResponse
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"The STUN binding request got an answer of type 0x{type:x4}.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"No answer to a STUN binding request within {AnswerTimeout.TotalSeconds:F0} s.");
        }
    }
}
