namespace ChatApp.AppHost.LocalServers;

/// <summary>
/// The TURN server of voice calls as a service sees it: the <c>Turn__*</c> settings it receives
/// (the server's TURN and STUN URLs and the TURN REST secret it signs credentials with), and the
/// resource that runs the server when the AppHost runs one.
/// </summary>
internal sealed class TurnServer(
    IReadOnlyList<ReferenceExpression> urls,
    IReadOnlyList<ReferenceExpression> stunUrls,
    IResourceBuilder<ParameterResource> secret,
    IResourceBuilder<IResource>? server)
{
    public IResourceBuilder<T> Configure<T>(IResourceBuilder<T> service)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        for (var i = 0; i < urls.Count; i++)
            service.WithEnvironment($"Turn__Urls__{i}", urls[i]);
        for (var i = 0; i < stunUrls.Count; i++)
            service.WithEnvironment($"Turn__StunUrls__{i}", stunUrls[i]);
        service.WithEnvironment("Turn__Secret", secret);
        return server is null ? service : service.WaitFor(server);
    }
}
