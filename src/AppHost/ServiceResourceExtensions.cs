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
    /// every service is ready, so the first page a user opens works. Its endpoint is not proxied by
    /// the orchestrator: through that proxy every client would arrive from 127.0.0.1 and share one
    /// per-address attempt counter; the gateway itself listens and sees each client's address.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway(
        this IDistributedApplicationBuilder builder,
        ChatAppSettings settings,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var gateway = builder.AddProject<Projects.Gateway>("gateway")
            .WithHttpEndpoint(port: settings.GatewayPort, name: "http", isProxied: false)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health");
        foreach (var service in services)
            gateway.WithReference(service).WaitFor(service);
        return gateway;
    }

    /// <summary>
    /// Hands the service the address people open ChatApp at (the gateway's) in
    /// <paramref name="setting"/>: passkeys are bound to it, and links in emails point to it.
    /// With a fixed gateway port it is known here; with a free port (tests) the service keeps its default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublicAddress(this IResourceBuilder<ProjectResource> service, ChatAppSettings settings, string setting) =>
        settings.GatewayPort is { } port
            ? service.WithEnvironment(setting, string.Create(CultureInfo.InvariantCulture, $"http://localhost:{port}"))
            : service;
}
