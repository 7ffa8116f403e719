using System.Reflection;
using Dapper;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>
/// Creates the service's database if it is missing and applies its FluentMigrator migrations.
/// A MySQL named lock serialises replicas that start at the same moment: the second one
/// waits, then finds nothing left to apply.
/// </summary>
public sealed partial class DatabaseMigrator(string connectionString, IReadOnlyList<Assembly> migrationAssemblies, ILogger<DatabaseMigrator> logger)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var databaseName = new MySqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(databaseName))
            throw new InvalidOperationException("The connection string names no database.");

        // The server-level connection: the database may not exist yet.
        var serverConnectionString = new MySqlConnectionStringBuilder(connectionString) { Database = "" }.ConnectionString;
        await using var server = new MySqlConnection(serverConnectionString);
        await server.OpenAsync(cancellationToken);

        var lockName = $"migrate:{databaseName}";
        var acquired = await server.ExecuteScalarAsync<int?>(
            new CommandDefinition("SELECT GET_LOCK(@lockName, @seconds)", new { lockName, seconds = (int)LockTimeout.TotalSeconds }, cancellationToken: cancellationToken));
        if (acquired != 1)
            throw new TimeoutException($"Another replica has held the migration lock of {databaseName} for over {LockTimeout}.");

        try
        {
            await server.ExecuteAsync(new CommandDefinition(
                $"CREATE DATABASE IF NOT EXISTS `{databaseName.Replace("`", "``", StringComparison.Ordinal)}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                cancellationToken: cancellationToken));
            RunMigrations();
            LogMigrated(logger, databaseName);
        }
        finally
        {
            await server.ExecuteAsync("DO RELEASE_LOCK(@lockName)", new { lockName });
        }
    }

    private void RunMigrations()
    {
        // A private container: the runner's services stay out of the application's.
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddMySql5()
                .WithGlobalConnectionString(connectionString)
                .ScanIn([.. migrationAssemblies]).For.Migrations())
            .Configure<FluentMigrator.Runner.Initialization.RunnerOptions>(options => options.TransactionPerSession = false)
            .BuildServiceProvider();

        var runner = services.GetRequiredService<IMigrationRunner>();
        runner.MigrateUp();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is at the newest migration")]
    private static partial void LogMigrated(ILogger logger, string database);
}
