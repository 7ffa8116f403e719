using Microsoft.Extensions.Options;

namespace ChatApp.Calls.Application.IceServers;

/// <summary>The ICE servers a browser should use for a call, with TURN credentials for this person that expire.</summary>
public sealed class GetIceServers(IOptions<TurnOptions> options, TimeProvider clock)
{
    public IceServersView Execute(Guid userId)
    {
        var turn = options.Value;
        var expiresAt = clock.GetUtcNow() + turn.CredentialLifetime;
        List<IceServer> servers = [];
        if (turn.StunUrls.Length > 0)
            servers.Add(new IceServer(turn.StunUrls, null, null));
        if (turn.Urls.Length > 0)
        {
            var (username, password) = TurnCredentials.For(userId, expiresAt, turn.Secret);
            servers.Add(new IceServer(turn.Urls, username, password));
        }
        return new IceServersView(servers, expiresAt);
    }
}

/// <summary>As <c>RTCPeerConnection</c>'s <c>iceServers</c> takes them, and when to ask again.</summary>
public sealed record IceServersView(IReadOnlyList<IceServer> IceServers, DateTimeOffset ExpiresAt);

public sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);
