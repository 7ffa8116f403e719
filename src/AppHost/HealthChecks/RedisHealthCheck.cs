using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatApp.AppHost.HealthChecks;

/// <summary>Healthy when Redis accepts the password and answers PING with PONG (RESP, no client library).</summary>
internal sealed class RedisHealthCheck(EndpointReference endpoint, ParameterResource password) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var secret = await password.GetValueAsync(cancellationToken);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, endpoint.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {secret}\r\nPING\r\n"), cancellationToken);
        var reply = new StringBuilder();
        var buffer = new byte[256];
        while (!reply.ToString().Contains("PONG", StringComparison.Ordinal) && !reply.ToString().Contains('-', StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
                break;
            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var answer = reply.ToString();
        return answer.StartsWith("+OK\r\n+PONG", StringComparison.Ordinal)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Redis answered {answer.Trim()}");
    }
}
