using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// The service's MySQL database from <c>ConnectionStrings:{connectionName}</c> (Aspire hands
    /// it over), migrated at start-up with the migrations in <paramref name="migrationAssemblies"/>
    /// plus the shared outbox and inbox tables, and checked by /health.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase(this IHostApplicationBuilder builder, string connectionName, params Assembly[] migrationAssemblies)
    {
        // Columns are snake_case, C# names PascalCase: to_address fills ToAddress.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set. The AppHost sets it; run the service through it, or set it yourself.");

        builder.Services.AddSingleton(services => new MySqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.AddSingleton<ServiceDatabase>();

        Assembly[] assemblies = [typeof(PersistenceExtensions).Assembly, .. migrationAssemblies];
        builder.Services.AddSingleton(services => new DatabaseMigrator(
            connectionString, assemblies.Distinct().ToArray(), services.GetRequiredService<ILogger<DatabaseMigrator>>()));
        builder.Services.AddHostedService<DatabaseMigrationHostedService>();

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
