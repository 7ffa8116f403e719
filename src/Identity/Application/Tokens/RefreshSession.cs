using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Infrastructure.SigningKeys;

namespace ChatApp.Identity.Application.Tokens;

/// <summary>
/// Trades a refresh token for a new access token and the next refresh token. Each refresh
/// token works once: presenting one that was already traded means two parties hold it (a
/// stolen copy), so the whole session — the token family — ends for both.
/// </summary>
public sealed class RefreshSession(UnitOfWorkFactory unitOfWorks, AccessTokenIssuer accessTokens, SecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure Refused = new(FailureKind.Unauthenticated, "Session over", "Sign in again.");

    public async Task<Result<SignedInSession>> ExecuteAsync(string refreshToken, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var found = await unitOfWork.QuerySingleOrDefaultAsync<TokenRow>("""
            SELECT t.session_id, t.replaced_at, s.user_id, s.expires_at, s.revoked_at
            FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
            WHERE t.token_hash = @hash
            FOR UPDATE
            """, new { hash = RefreshToken.Hash(refreshToken) }, cancellationToken);
        if (found is null)
            return Refused;

        if (found.ReplacedAt is not null)
        {
            if (found.RevokedAt is null)
            {
                await SessionRevocation.RevokeAsync(unitOfWork, found.UserId, found.SessionId, SessionRevocation.RefreshReused, now, cancellationToken);
                await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.RefreshReused, client, found.UserId, found.SessionId, cancellationToken: cancellationToken);
                await unitOfWork.CommitAsync(cancellationToken);
            }

            return Refused;
        }

        if (found.RevokedAt is not null || new DateTimeOffset(found.ExpiresAt, TimeSpan.Zero) <= now)
            return Refused;

        var user = await UserAccounts.FindByIdAsync(unitOfWork, found.UserId, cancellationToken)
            ?? throw new InvalidOperationException($"Session {found.SessionId} names user {found.UserId}, who does not exist.");
        var next = RefreshToken.New();
        var expiresAt = now + RefreshToken.SlidingLifetime;
        await unitOfWork.ExecuteAsync("""
            UPDATE refresh_tokens SET replaced_at = @now WHERE token_hash = @oldHash;
            INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (@newHash, @sessionId, @now);
            UPDATE sessions SET last_used_at = @now, expires_at = @expiresAt, client_address = @address, user_agent = @userAgent WHERE id = @sessionId;
            """,
            new
            {
                now = now.UtcDateTime,
                oldHash = RefreshToken.Hash(refreshToken),
                newHash = RefreshToken.Hash(next),
                sessionId = found.SessionId,
                expiresAt = expiresAt.UtcDateTime,
                address = client.Address,
                userAgent = client.UserAgent,
            }, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new SignedInSession(found.SessionId, accessTokens.Issue(user.Id, user.Username, user.DisplayName, found.SessionId), next, expiresAt);
    }

    private sealed record TokenRow(Guid SessionId, DateTime? ReplacedAt, Guid UserId, DateTime ExpiresAt, DateTime? RevokedAt);
}
