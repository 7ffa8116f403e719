using ChatApp.AppHost.HealthChecks;
using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost.LocalServers;

internal static class RedisResourceExtensions
{
    /// <summary>What Messaging reads: <c>ConnectionStrings:redis</c>, in StackExchange.Redis's format.</summary>
    private const string ConnectionName = "redis";
    // The server cannot share its name with the connection-string resource.
    private const string ServerName = "redis-server";

    /// <summary>
    /// Redis for presence and the SignalR backplane, as the <c>redis</c> connection string: the one
    /// given in configuration if any; else a redis-server process (eng/servers/redis.sh), or a
    /// Redis container with <c>ChatApp:UseContainers</c>.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddRedis(this IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        if (builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 })
            return builder.AddConnectionString(ConnectionName);

        // Letters and digits only: redis.sh writes it into the server's configuration file.
        var password = builder.AddParameter("redis-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        IResourceBuilder<IResourceWithEndpoints> server = settings.UseContainers
            ? builder.AddContainer(ServerName, "redis", "7.4")
                .WithEndpoint(targetPort: 6379, name: "tcp", scheme: "tcp")
                .WithArgs("--requirepass", password.Resource.ValueExpression, "--save", "", "--appendonly", "no")
            : AddProcess(builder, settings, password);
        var endpoint = server.GetEndpoint("tcp");
        server.WithIconName("Flash").WithHealthCheck(new RedisHealthCheck(endpoint, password.Resource));
        return builder.AddConnectionString(ConnectionName,
                ReferenceExpression.Create($"127.0.0.1:{endpoint.Property(EndpointProperty.Port)},password={password.Resource}"))
            .WaitFor(server);
    }

    private static IResourceBuilder<ExecutableResource> AddProcess(IDistributedApplicationBuilder builder, ChatAppSettings settings, IResourceBuilder<ParameterResource> password)
    {
        var process = builder.AddExecutable(ServerName, "bash", settings.RepositoryRoot)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false);
        process.WithArgs(settings.Script("redis.sh"), settings.DataFolder("redis"), process.GetEndpoint("tcp").Property(EndpointProperty.TargetPort), password.Resource);
        return process;
    }
}
