using ChatApp.AppHost.HealthChecks;
using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost.LocalServers;

internal static class MySqlServerResourceExtensions
{
    private const string ExistingServerConnectionName = "mysql-server";
    private const string ResourceName = "mariadb";
    private const string User = "chatapp";

    /// <summary>
    /// The MySQL server: the one named by <c>ConnectionStrings:mysql-server</c> if given; else a
    /// MariaDB process (eng/servers/mariadb.sh, data in .data/mariadb), or a MariaDB container
    /// with <c>ChatApp:UseContainers</c>.
    /// </summary>
    public static MySqlServer AddMySqlServer(this IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        if (builder.Configuration.GetConnectionString(ExistingServerConnectionName) is { Length: > 0 })
        {
            var existing = builder.AddConnectionString(ExistingServerConnectionName);
            return new MySqlServer(builder, ReferenceExpression.Create($"{existing}"), server: null);
        }

        // Letters and digits only: mariadb.sh puts it into SQL. Kept in user secrets, so it stays
        // the same from run to run (a container applies it only when it creates its data).
        var password = builder.AddParameter("mariadb-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);

        return settings.UseContainers
            ? AddContainer(builder, settings, password)
            : AddProcess(builder, settings, password);
    }

    private static MySqlServer AddProcess(IDistributedApplicationBuilder builder, ChatAppSettings settings, IResourceBuilder<ParameterResource> password)
    {
        // Not proxied: MariaDB listens itself, on a port Aspire picks and hands to the script
        // (Aspire 13.6 allocates proxyless ports from 10000-32767, ASPIRE_PROXYLESS_ENDPOINT_PORT_RANGE).
        var process = builder.AddExecutable(ResourceName, "bash", settings.RepositoryRoot)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithIconName("Database");
        var endpoint = process.GetEndpoint("tcp");
        process.WithArgs(settings.Script("mariadb.sh"), settings.DataFolder("mariadb"), endpoint.Property(EndpointProperty.TargetPort), password.Resource);

        var connectionString = ServerConnectionString(endpoint, password);
        process.WithHealthCheck(new MySqlHealthCheck(connectionString));
        return new MySqlServer(builder, connectionString, process);
    }

    private static MySqlServer AddContainer(IDistributedApplicationBuilder builder, ChatAppSettings settings, IResourceBuilder<ParameterResource> password)
    {
        // The image grants its user one database only; each service creates its own, so an init
        // script (run once, when the image creates its data) grants the rest.
        var grantScript = Path.Combine(settings.DataFolder("mariadb-container"), "grant.sql");
        File.WriteAllText(grantScript, $"GRANT ALL PRIVILEGES ON *.* TO '{User}'@'%';\n");

        var container = builder.AddContainer(ResourceName, "mariadb", "11.4")
            .WithEndpoint(targetPort: 3306, name: "tcp", scheme: "tcp")
            .WithEnvironment("MARIADB_USER", User)
            .WithEnvironment("MARIADB_PASSWORD", password)
            .WithEnvironment("MARIADB_RANDOM_ROOT_PASSWORD", "1")
            .WithEnvironment("MARIADB_INITDB_SKIP_TZINFO", "1")
            .WithBindMount(grantScript, "/docker-entrypoint-initdb.d/grant.sql", isReadOnly: true)
            .WithVolume("chatapp-mariadb", "/var/lib/mysql")
            .WithArgs("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--default-time-zone=+00:00")
            .WithIconName("Database");

        var connectionString = ServerConnectionString(container.GetEndpoint("tcp"), password);
        container.WithHealthCheck(new MySqlHealthCheck(connectionString));
        return new MySqlServer(builder, connectionString, container);
    }

    private static ReferenceExpression ServerConnectionString(EndpointReference endpoint, IResourceBuilder<ParameterResource> password) =>
        ReferenceExpression.Create(
            $"Server=127.0.0.1;Port={endpoint.Property(EndpointProperty.Port)};User ID={User};Password={password.Resource}");
}
