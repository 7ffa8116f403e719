using Aspire.Hosting.ApplicationModel;

namespace ChatApp.AppHost;

internal static class ServiceResourceExtensions
{
    /// <summary>
    /// A ChatApp service: its database connection string and the broker's, an HTTP endpoint on
    /// a free port (only the gateway is reached from outside), and readiness from its /health.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddChatAppService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ConnectionStringResource> database,
        IResourceBuilder<IResourceWithConnectionString> broker)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health")
            .WithReference(database).WaitFor(database)
            .WithReference(broker).WaitFor(broker);
}
