using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace ChatApp.AppHost.HealthChecks;

/// <summary>
/// Healthy once the server accepts every one of <paramref name="connectionStrings"/> (the admin's
/// and each service's user) and answers a query: a listening port alone is not enough, since
/// MariaDB applies its init file (the users) after it listens.
/// </summary>
internal sealed class MySqlHealthCheck(Func<IEnumerable<ReferenceExpression>> connectionStrings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var version = "";
        foreach (var connectionString in connectionStrings())
        {
            var settings = new MySqlConnectionStringBuilder(await connectionString.GetValueAsync(cancellationToken) ?? "")
            {
                ConnectionTimeout = 5,
                // The service creates its database at its start; its user may log in before.
                Database = "",
            };
            await using var connection = new MySqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            version = connection.ServerVersion;
        }
        return HealthCheckResult.Healthy($"MariaDB {version} answers");
    }
}
