using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace ChatApp.AppHost.LocalServers;

/// <summary>
/// The MySQL server every service keeps its own database on: a local MariaDB process (data in
/// .data/mariadb), or the server named by <c>ConnectionStrings:mysql-server</c>.
/// </summary>
internal sealed class MariaDbServer
{
    private const string ExistingServerConnectionName = "mysql-server";
    private readonly ReferenceExpression _serverConnectionString;

    private MariaDbServer(ReferenceExpression serverConnectionString, IResourceBuilder<ExecutableResource>? process)
    {
        _serverConnectionString = serverConnectionString;
        Process = process;
    }

    /// <summary>The local server, when the AppHost runs one.</summary>
    public IResourceBuilder<ExecutableResource>? Process { get; }

    public static MariaDbServer Add(IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        if (builder.Configuration.GetConnectionString(ExistingServerConnectionName) is { Length: > 0 })
        {
            var existing = builder.AddConnectionString(ExistingServerConnectionName);
            return new MariaDbServer(ReferenceExpression.Create($"{existing}"), null);
        }

        // A new password at every start: the server's init file sets it, so nothing needs storing.
        var password = builder.AddParameter("mariadb-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true);
        var process = builder.AddExecutable("mariadb", "bash", settings.RepositoryRoot)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithIconName("Database");
        var endpoint = process.GetEndpoint("tcp");
        process.WithArgs(context =>
        {
            context.Args.Add(settings.Script("mariadb.sh"));
            context.Args.Add(settings.DataFolder("mariadb"));
            context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
            context.Args.Add(password.Resource);
        });

        var connectionString = ReferenceExpression.Create(
            $"Server=127.0.0.1;Port={endpoint.Property(EndpointProperty.TargetPort)};User ID=chatapp;Password={password.Resource}");
        var healthCheck = "mariadb-answers";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            await using var connection = new MySqlConnection(await connectionString.GetValueAsync(cancellationToken));
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
        });
        process.WithHealthCheck(healthCheck);
        return new MariaDbServer(connectionString, process);
    }

    /// <summary>A connection-string resource for one service's database, created by that service.</summary>
    public IResourceBuilder<ConnectionStringResource> Database(IDistributedApplicationBuilder builder, string resourceName, string databaseName)
    {
        var database = builder.AddConnectionString(resourceName, ReferenceExpression.Create($"{_serverConnectionString};Database={databaseName}"));
        if (Process is not null)
            database.WaitFor(Process);
        return database;
    }
}
