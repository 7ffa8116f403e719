namespace ChatApp.AppHost.LocalServers;

/// <summary>
/// Where Notifications sends email: the <c>Smtp__*</c> settings a service receives, and the
/// resource that runs the server when the AppHost runs one.
/// </summary>
internal sealed class MailServer(IReadOnlyDictionary<string, ReferenceExpression> settings, IResourceBuilder<IResource>? server)
{
    public IResourceBuilder<T> Configure<T>(IResourceBuilder<T> service)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        foreach (var (key, value) in settings)
            service.WithEnvironment($"Smtp__{key}", value);
        return server is null ? service : service.WaitFor(server);
    }
}
