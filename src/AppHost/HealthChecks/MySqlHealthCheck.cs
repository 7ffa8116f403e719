using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace ChatApp.AppHost.HealthChecks;

/// <summary>
/// Healthy once the server accepts the services' credentials and answers a query: a listening
/// port alone is not enough, since MariaDB applies its init file (the user) after it listens.
/// </summary>
internal sealed class MySqlHealthCheck(ReferenceExpression connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = new MySqlConnectionStringBuilder(await connectionString.GetValueAsync(cancellationToken) ?? "")
        {
            ConnectionTimeout = 5,
        };
        await using var connection = new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy($"MariaDB {connection.ServerVersion} answers");
    }
}
