using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;

namespace ChatApp.Identity.Application.Tokens;

/// <summary>Opens a session (one refresh-token family) for a user who passed both sign-in steps.</summary>
public sealed class SessionStarter(ISessions sessions, IAccessTokenIssuer accessTokens, TimeProvider clock)
{
    public async Task<SignedInSession> StartAsync(IUnitOfWork unitOfWork, UserSummary user, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessionId = Guid.NewGuid();
        var refreshToken = RefreshToken.New();
        var expiresAt = now + RefreshToken.SlidingLifetime;
        await sessions.StartAsync(unitOfWork, new NewSession(sessionId, user.Id, client, RefreshToken.Hash(refreshToken), now, expiresAt), cancellationToken);
        return new SignedInSession(sessionId, accessTokens.Issue(user, sessionId), refreshToken, expiresAt);
    }
}
