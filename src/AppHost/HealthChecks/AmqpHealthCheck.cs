using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace ChatApp.AppHost.HealthChecks;

/// <summary>
/// Healthy while an AMQP connection to the broker is open: it opened (so the node booted and
/// accepts the credentials) and has not closed since. One connection is kept rather than one
/// per check, so the broker's log is not filled with a connect and a close every 30 seconds.
/// Aspire runs a resource's checks one after another, so the field needs no lock.
/// </summary>
internal sealed class AmqpHealthCheck(ReferenceExpression uri) : IHealthCheck, IAsyncDisposable
{
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_connection is { IsOpen: true })
            return HealthCheckResult.Healthy();

        await DisposeAsync();
        var factory = new ConnectionFactory
        {
            Uri = new Uri(await uri.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException("The broker has no address yet.")),
            ClientProvidedName = "apphost-health",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
            // A closed connection must show as unhealthy, not quietly recover behind IsOpen.
            AutomaticRecoveryEnabled = false,
        };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        _connection = null;
    }
}
