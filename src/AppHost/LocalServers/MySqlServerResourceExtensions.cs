using System.Globalization;
using System.Text;
using ChatApp.AppHost.HealthChecks;
using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost.LocalServers;

internal static class MySqlServerResourceExtensions
{
    private const string ExistingServerConnectionName = "mysql-server";
    private const string ResourceName = "mariadb";
    private const string AdminUser = "chatapp";

    /// <summary>
    /// The MySQL server: the one named by <c>ConnectionStrings:mysql-server</c> if given; else a
    /// MariaDB process (eng/servers/mariadb.sh, data in .data/mariadb), or a MariaDB container
    /// with <c>ChatApp:UseContainers</c>. The admin user (the <c>mariadb-password</c> parameter)
    /// only sets the server up; the services connect with users of their own.
    /// </summary>
    public static MySqlServer AddMySqlServer(this IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        if (builder.Configuration.GetConnectionString(ExistingServerConnectionName) is { Length: > 0 })
        {
            var existing = builder.AddConnectionString(ExistingServerConnectionName);
            return MySqlServer.Existing(builder, ReferenceExpression.Create($"{existing}"));
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
        var server = MySqlServer.Running(builder, process);
        // Read when the process starts, once every service has added its database: each one's user
        // follows as a name and a password (mariadb.sh's init file creates it at every start).
        process.WithArgs(context =>
        {
            context.Args.Add(settings.Script("mariadb.sh"));
            context.Args.Add(settings.DataFolder("mariadb"));
            context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
            context.Args.Add(password.Resource);
            foreach (var user in server.Users)
            {
                context.Args.Add(user.Database);
                context.Args.Add(user.Password);
            }
        });

        var admin = ReferenceExpression.Create(
            $"Server=127.0.0.1;Port={endpoint.Property(EndpointProperty.Port)};User ID={AdminUser};Password={password.Resource}");
        process.WithHealthCheck(new MySqlHealthCheck(() => [admin, .. server.Users.Select(user => user.ConnectionString(endpoint))]));
        return server;
    }

    private static MySqlServer AddContainer(IDistributedApplicationBuilder builder, ChatAppSettings settings, IResourceBuilder<ParameterResource> password)
    {
        // The image creates no user here: root (with the admin password) runs the init script,
        // which the image runs once, when it creates its data, and which creates the services' users.
        var grantScript = Path.Combine(settings.DataFolder("mariadb-container"), "service-users.sh");
        var container = builder.AddContainer(ResourceName, "mariadb", "11.4")
            .WithEndpoint(targetPort: 3306, name: "tcp", scheme: "tcp")
            .WithEnvironment("MARIADB_ROOT_PASSWORD", password)
            .WithEnvironment("MARIADB_INITDB_SKIP_TZINFO", "1")
            .WithBindMount(grantScript, "/docker-entrypoint-initdb.d/service-users.sh", isReadOnly: true)
            .WithVolume("chatapp-mariadb", "/var/lib/mysql")
            .WithArgs("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--default-time-zone=+00:00")
            .WithIconName("Database");
        var server = MySqlServer.Running(builder, container);
        // The passwords reach the script as environment variables, so the script on disk holds none.
        container.WithEnvironment(context =>
        {
            foreach (var user in server.Users)
                context.EnvironmentVariables[PasswordVariable(user)] = user.Password;
        });
        builder.Eventing.Subscribe<BeforeStartEvent>((_, cancellationToken) => File.WriteAllTextAsync(grantScript, ContainerGrantScript(server.Users), cancellationToken));

        var endpoint = container.GetEndpoint("tcp");
        container.WithHealthCheck(new MySqlHealthCheck(() => server.Users.Select(user => user.ConnectionString(endpoint))));
        return server;
    }

    /// <summary>
    /// Sourced by the image's entrypoint (docker_process_sql runs SQL as root). The users connect
    /// from outside the container, so from any host.
    /// </summary>
    private static string ContainerGrantScript(IEnumerable<DatabaseUser> users)
    {
        var script = new StringBuilder("# Written by the AppHost: the services' users, each with rights on its own database only.\n");
        script.Append("docker_process_sql <<SQL\n");
        foreach (var user in users)
        {
            script.Append(CultureInfo.InvariantCulture, $"CREATE USER '{user.Name}'@'%' IDENTIFIED BY '${{{PasswordVariable(user)}}}';\n");
            script.Append(CultureInfo.InvariantCulture, $"GRANT ALL PRIVILEGES ON \\`{user.GrantPattern}\\`.* TO '{user.Name}'@'%';\n");
        }
        return script.Append("SQL\n").ToString();
    }

    private static string PasswordVariable(DatabaseUser user) => $"{user.Database.ToUpperInvariant()}_PASSWORD";
}
