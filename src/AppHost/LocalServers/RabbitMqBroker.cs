using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace ChatApp.AppHost.LocalServers;

/// <summary>
/// The message broker: a local RabbitMQ node with its own epmd (data in .data/rabbitmq), or the
/// broker named by <c>ConnectionStrings:rabbitmq</c>. Services receive it as <c>ConnectionStrings:rabbitmq</c>.
/// </summary>
internal static class RabbitMqBroker
{
    public const string ConnectionName = "rabbitmq";

    public static IResourceBuilder<IResourceWithConnectionString> Add(IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        if (builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 })
            return builder.AddConnectionString(ConnectionName);

        // Its own epmd, so that nothing outlives the AppHost (rabbitmq-server would daemonise one).
        var epmd = builder.AddExecutable("epmd", "epmd", settings.RepositoryRoot)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithIconName("PlugConnected");
        var epmdEndpoint = epmd.GetEndpoint("tcp");
        epmd.WithArgs(context =>
        {
            context.Args.Add("-port");
            context.Args.Add(epmdEndpoint.Property(EndpointProperty.TargetPort));
            context.Args.Add("-address");
            context.Args.Add("127.0.0.1");
        });
        const string EpmdHealthCheck = "epmd-listens";
        builder.Services.AddHealthChecks().AddAsyncCheck(EpmdHealthCheck, async cancellationToken =>
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", epmdEndpoint.TargetPort ?? throw new InvalidOperationException("epmd has no port yet"), cancellationToken);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
        });
        epmd.WithHealthCheck(EpmdHealthCheck);

        var node = builder.AddExecutable("rabbitmq-server", "bash", settings.RepositoryRoot)
            .WithEndpoint(name: "amqp", scheme: "tcp", isProxied: false)
            .WithEndpoint(name: "dist", scheme: "tcp", isProxied: false)
            .WithIconName("Mail")
            .WaitFor(epmd);
        var amqp = node.GetEndpoint("amqp");
        node.WithArgs(context =>
        {
            context.Args.Add(settings.Script("rabbitmq.sh"));
            context.Args.Add(settings.DataFolder("rabbitmq"));
            context.Args.Add(amqp.Property(EndpointProperty.TargetPort));
            context.Args.Add(node.GetEndpoint("dist").Property(EndpointProperty.TargetPort));
            context.Args.Add(epmdEndpoint.Property(EndpointProperty.TargetPort));
        });

        var uri = ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{amqp.Property(EndpointProperty.TargetPort)}/");
        const string NodeHealthCheck = "rabbitmq-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(NodeHealthCheck, async cancellationToken =>
        {
            var factory = new ConnectionFactory { Uri = new Uri((await uri.GetValueAsync(cancellationToken))!) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
        });
        node.WithHealthCheck(NodeHealthCheck);

        return builder.AddConnectionString(ConnectionName, uri).WaitFor(node);
    }
}
