using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>Ready only when the service's own database answers a query.</summary>
internal sealed class DatabaseHealthCheck(ServiceDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is MySqlConnector.MySqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"Database {database.DatabaseName} does not answer", ex);
        }
    }
}
