using System.Globalization;

namespace ChatApp.AppHost;

internal static class ServiceResourceExtensions
{
    /// <summary>
    /// A ChatApp service: its database connection string and the broker's, an HTTP endpoint on
    /// a free port (only the gateway is reached from outside), and readiness from its /health.
    /// It starts once its database server and the broker answer.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddChatAppService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> database,
        IResourceBuilder<IResourceWithConnectionString> broker)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            // The projects have no launch settings: this endpoint is where ASPNETCORE_URLS points.
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health")
            .WithReference(database).WaitFor(database)
            .WithReference(broker).WaitFor(broker);

    /// <summary>
    /// The gateway, on <c>ChatApp:GatewayPort</c>, routing to each service by name through
    /// service discovery (its YARP destinations are http://identity and so on). It starts once
    /// every service is ready, so the first page a user opens works.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway(
        this IDistributedApplicationBuilder builder,
        ChatAppSettings settings,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var gateway = builder.AddProject<Projects.Gateway>("gateway")
            .WithHttpEndpoint(port: settings.GatewayPort, name: "http")
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health");
        foreach (var service in services)
            gateway.WithReference(service).WaitFor(service);
        return gateway;
    }

    /// <summary>
    /// Passkeys are bound to the origin the browser sees: the gateway's. With a fixed gateway
    /// port that is known here; with a free port (tests) Identity keeps its default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPasskeyOrigin(this IResourceBuilder<ProjectResource> identity, ChatAppSettings settings) =>
        settings.GatewayPort is { } port
            ? identity.WithEnvironment("Passkeys__Origins", string.Create(CultureInfo.InvariantCulture, $"http://localhost:{port}"))
            : identity;
}
