using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Infrastructure.SigningKeys;

namespace ChatApp.Identity.Application.Tokens;

/// <summary>Opens a session (one refresh-token family) for a user who passed both sign-in steps.</summary>
public sealed class SessionStarter(AccessTokenIssuer accessTokens, TimeProvider clock)
{
    public async Task<SignedInSession> StartAsync(UnitOfWork unitOfWork, UserSummary user, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessionId = Guid.NewGuid();
        var refreshToken = RefreshToken.New();
        var expiresAt = now + RefreshToken.SlidingLifetime;
        await unitOfWork.ExecuteAsync("""
            INSERT INTO sessions (id, user_id, user_agent, client_address, created_at, last_used_at, expires_at)
            VALUES (@sessionId, @userId, @userAgent, @address, @now, @now, @expiresAt);
            INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (@tokenHash, @sessionId, @now);
            """,
            new
            {
                sessionId,
                userId = user.Id,
                userAgent = client.UserAgent,
                address = client.Address,
                now = now.UtcDateTime,
                expiresAt = expiresAt.UtcDateTime,
                tokenHash = RefreshToken.Hash(refreshToken),
            }, cancellationToken);
        return new SignedInSession(sessionId, accessTokens.Issue(user.Id, user.Username, user.DisplayName, sessionId), refreshToken, expiresAt);
    }
}
