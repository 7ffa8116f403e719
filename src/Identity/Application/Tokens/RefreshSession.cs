using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;

namespace ChatApp.Identity.Application.Tokens;

/// <summary>
/// Trades a refresh token for a new access token and the next refresh token. Each refresh
/// token works once: presenting one that was already traded means two parties hold it (a
/// stolen copy), so the whole session — the token family — ends for both.
/// </summary>
public sealed class RefreshSession(
    IUnitOfWorkFactory unitOfWorks, ISessions sessions, SessionRevocation revocation, IUserAccounts accounts, IAccessTokenIssuer accessTokens,
    ISecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure Refused = new(FailureKind.Unauthenticated, "Session over", "Sign in again.");

    public async Task<Result<SignedInSession>> ExecuteAsync(string refreshToken, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var found = await sessions.LockRefreshTokenAsync(unitOfWork, RefreshToken.Hash(refreshToken), cancellationToken);
        if (found is null)
            return Refused;

        if (found.Traded)
        {
            if (!found.SessionRevoked)
            {
                await revocation.RevokeAsync(unitOfWork, found.UserId, found.SessionId, SessionRevocation.RefreshReused, now, cancellationToken);
                await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.RefreshReused, client, found.UserId, found.SessionId, cancellationToken: cancellationToken);
                await unitOfWork.CommitAsync(cancellationToken);
            }

            return Refused;
        }

        if (found.SessionRevoked || found.SessionExpiresAt <= now)
            return Refused;

        var user = await accounts.FindByIdAsync(unitOfWork, found.UserId, cancellationToken)
            ?? throw new InvalidOperationException($"Session {found.SessionId} names user {found.UserId}, who does not exist.");
        var next = RefreshToken.New();
        var expiresAt = now + RefreshToken.SlidingLifetime;
        await sessions.RotateRefreshTokenAsync(unitOfWork,
            new RefreshTokenRotation(found.SessionId, RefreshToken.Hash(refreshToken), RefreshToken.Hash(next), client, now, expiresAt), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new SignedInSession(found.SessionId, accessTokens.Issue(user.Summary, found.SessionId), next, expiresAt);
    }
}
