using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace ChatApp.BuildingBlocks.Eventing;

/// <summary>
/// Ready only while the broker accepts connections. MassTransit's own bus check stays
/// healthy in a service that has no receive endpoints even when the broker is gone, so
/// this keeps one idle AMQP connection of its own (recovering by itself) and reports it.
/// </summary>
internal sealed class BrokerHealthCheck(Uri brokerUri) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_connection is { IsOpen: true })
            return HealthCheckResult.Healthy();
        if (_connection is not null)
            return HealthCheckResult.Unhealthy("The connection to the broker is down; recovering.");

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await new ConnectionFactory
            {
                Uri = brokerUri,
                ClientProvidedName = "health-check",
                AutomaticRecoveryEnabled = true,
                NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            }.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException ex)
        {
            return HealthCheckResult.Unhealthy("The broker does not accept connections.", ex);
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        _connecting.Dispose();
    }
}
