using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatApp.AppHost.HealthChecks;

/// <summary>
/// Healthy when epmd answers a NAMES request (the question <c>epmd -names</c> asks). A bare TCP
/// connect would do for readiness, but epmd logs every empty connection as an error.
/// </summary>
internal sealed class EpmdHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    // Length 1 (two bytes, big-endian), then NAMES_REQ ('n'); the reply starts with epmd's port.
    private static readonly byte[] NamesRequest = [0, 1, (byte)'n'];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var port = endpoint.Port;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(NamesRequest, cancellationToken);
        var reply = new byte[4];
        await stream.ReadExactlyAsync(reply, cancellationToken);
        var answeredPort = BinaryPrimitives.ReadInt32BigEndian(reply);
        return answeredPort == port
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Port {port} answers as epmd of port {answeredPort}.");
    }
}
