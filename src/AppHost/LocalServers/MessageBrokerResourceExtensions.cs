using ChatApp.AppHost.HealthChecks;
using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost.LocalServers;

internal static class MessageBrokerResourceExtensions
{
    /// <summary>What the services read: <c>ConnectionStrings:rabbitmq</c>, an AMQP URI.</summary>
    private const string ConnectionName = "rabbitmq";
    // The server cannot share its name with the connection-string resource.
    private const string ServerName = "rabbitmq-server";

    /// <summary>
    /// The message broker, as the <c>rabbitmq</c> connection string: the one given in
    /// configuration if any; else a RabbitMQ process with its own epmd (eng/servers/rabbitmq.sh,
    /// data in .data/rabbitmq), or a RabbitMQ container with <c>ChatApp:UseContainers</c>.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddMessageBroker(this IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        if (builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 })
            return builder.AddConnectionString(ConnectionName);

        var (server, uri) = settings.UseContainers ? AddContainer(builder) : AddProcess(builder, settings);
        server.WithHealthCheck(new AmqpHealthCheck(uri));
        return builder.AddConnectionString(ConnectionName, uri).WaitFor(server);
    }

    private static (IResourceBuilder<IResource> Server, ReferenceExpression Uri) AddProcess(IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        // rabbitmq-server would start `epmd -daemon`, which outlives the AppHost; so the AppHost
        // runs epmd itself, on a port of its own, and stops it with everything else.
        var epmd = builder.AddExecutable("epmd", "epmd", settings.RepositoryRoot)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithIconName("PlugConnected");
        var epmdEndpoint = epmd.GetEndpoint("tcp");
        epmd.WithArgs("-port", epmdEndpoint.Property(EndpointProperty.TargetPort), "-address", "127.0.0.1")
            .WithHealthCheck(new EpmdHealthCheck(epmdEndpoint));

        var node = builder.AddExecutable(ServerName, "bash", settings.RepositoryRoot)
            .WithEndpoint(name: "amqp", scheme: "tcp", isProxied: false)
            .WithEndpoint(name: "dist", scheme: "tcp", isProxied: false)
            .WithIconName("ArrowRouting")
            .WaitFor(epmd);
        var amqp = node.GetEndpoint("amqp");
        node.WithArgs(
            settings.Script("rabbitmq.sh"),
            settings.DataFolder("rabbitmq"),
            amqp.Property(EndpointProperty.TargetPort),
            node.GetEndpoint("dist").Property(EndpointProperty.TargetPort),
            epmdEndpoint.Property(EndpointProperty.TargetPort));

        // rabbitmq.sh lets guest in from loopback, which is all the node listens on.
        return (node, ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{amqp.Property(EndpointProperty.Port)}/"));
    }

    private static (IResourceBuilder<IResource> Server, ReferenceExpression Uri) AddContainer(IDistributedApplicationBuilder builder)
    {
        // guest may only connect from inside the container, so the container gets its own user.
        var password = builder.AddParameter("rabbitmq-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var container = builder.AddContainer(ServerName, "rabbitmq", "3.13")
            .WithEndpoint(targetPort: 5672, name: "amqp", scheme: "tcp")
            .WithEnvironment("RABBITMQ_DEFAULT_USER", "chatapp")
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", password)
            // The node's name, and so its data folder in the volume, follows the host name.
            .WithContainerRuntimeArgs("--hostname", "chatapp-rabbitmq")
            .WithVolume("chatapp-rabbitmq", "/var/lib/rabbitmq")
            .WithIconName("ArrowRouting");
        var amqp = container.GetEndpoint("amqp");
        return (container, ReferenceExpression.Create($"amqp://chatapp:{password.Resource}@127.0.0.1:{amqp.Property(EndpointProperty.Port)}/"));
    }
}
