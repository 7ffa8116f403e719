using ChatApp.AppHost.HealthChecks;
using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost.LocalServers;

internal static class TurnServerResourceExtensions
{
    private const string ResourceName = "turn";
    private const string SecretName = "turn-secret";
    private const string ConfigurationSection = "ChatApp:Turn";

    /// <summary>
    /// The TURN server that relays voice calls when two browsers cannot reach each other directly:
    /// the one named in configuration (<c>ChatApp:Turn:Urls</c>, <c>ChatApp:Turn:Secret</c>, and
    /// optionally <c>ChatApp:Turn:StunUrls</c>) if any; else a coturn process (eng/servers/turn.sh)
    /// on 127.0.0.1 and a free port, UDP and TCP, with TURN REST credentials signed by a generated secret.
    /// </summary>
    public static TurnServer AddTurnServer(this IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        var configured = builder.Configuration.GetSection(ConfigurationSection);
        var configuredUrls = Values(configured.GetSection("Urls"));
        if (configuredUrls.Count > 0)
        {
            if (configured["Secret"] is not { Length: > 0 })
                throw new InvalidOperationException($"{ConfigurationSection}:Urls names a TURN server, but {ConfigurationSection}:Secret (its static-auth-secret) is missing.");
            return new TurnServer(
                [.. configuredUrls.Select(url => ReferenceExpression.Create($"{url}"))],
                [.. Values(configured.GetSection("StunUrls")).Select(url => ReferenceExpression.Create($"{url}"))],
                builder.AddParameterFromConfiguration(SecretName, $"{ConfigurationSection}:Secret", secret: true),
                server: null);
        }

        if (settings.UseContainers)
        {
            // A TURN server hands out relay addresses and ports of its own host: from a container
            // (bridge network, one published port) they are not reachable as browsers need them.
            throw new NotSupportedException(
                $"With ChatApp:UseContainers the AppHost starts no TURN server: name one in {ConfigurationSection}:Urls (for example "
                + $"turn:host:3478?transport=udp) and {ConfigurationSection}:Secret (its static-auth-secret), or install coturn and leave ChatApp:UseContainers off.");
        }

        // Letters and digits only: turn.sh writes it into the server's configuration file.
        var secret = builder.AddParameter(SecretName,
            new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
        // One port for UDP and TCP alike: Aspire picks a free TCP port, and coturn listens on both.
        var process = builder.AddExecutable(ResourceName, "bash", settings.RepositoryRoot)
            .WithEndpoint(name: "turn", scheme: "turn", isProxied: false)
            .WithIconName("Call");
        var endpoint = process.GetEndpoint("turn");
        process.WithArgs(settings.Script("turn.sh"), settings.DataFolder("turn"), endpoint.Property(EndpointProperty.TargetPort), secret.Resource)
            .WithHealthCheck(new StunHealthCheck(endpoint));
        var port = endpoint.Property(EndpointProperty.Port);
        return new TurnServer(
            [
                ReferenceExpression.Create($"turn:127.0.0.1:{port}?transport=udp"),
                ReferenceExpression.Create($"turn:127.0.0.1:{port}?transport=tcp"),
            ],
            [ReferenceExpression.Create($"stun:127.0.0.1:{port}")],
            secret,
            process);
    }

    /// <summary>Hands the service the TURN server's URLs and secret (<c>Turn__*</c>), and starts it once the server answers.</summary>
    public static IResourceBuilder<ProjectResource> WithTurn(this IResourceBuilder<ProjectResource> service, TurnServer turn) =>
        turn.Configure(service);

    private static List<string> Values(IConfigurationSection section) =>
        [.. section.GetChildren().Select(child => child.Value).OfType<string>().Where(value => value.Length > 0)];
}
