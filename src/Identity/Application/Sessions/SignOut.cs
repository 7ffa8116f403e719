using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Application.Sessions;

/// <summary>What to end: this session, one other session of mine, or all of mine.</summary>
public enum SignOutScope
{
    ThisSession,
    OneSession,
    Everywhere,
}

/// <summary>Signs out: this session, another of mine, or everywhere.</summary>
public sealed class SignOut(UnitOfWorkFactory unitOfWorks, SecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure UnknownSession = new(FailureKind.NotFound, "Unknown session", "You have no live session with this id.");

    public async Task<Result<int>> ExecuteAsync(Guid userId, Guid currentSessionId, SignOutScope scope, Guid? sessionId, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        int ended;
        switch (scope)
        {
            case SignOutScope.Everywhere:
                ended = await SessionRevocation.RevokeAllAsync(unitOfWork, userId, keep: null, SessionRevocation.SignedOut, now, cancellationToken);
                break;
            case SignOutScope.ThisSession:
                ended = await SessionRevocation.RevokeAsync(unitOfWork, currentSessionId, SessionRevocation.SignedOut, now, cancellationToken);
                break;
            default:
                // Only the caller's own sessions: someone else's id answers as if it did not exist.
                ended = await unitOfWork.ExecuteAsync(
                    "UPDATE sessions SET revoked_at = @now, revoked_reason = @reason WHERE id = @sessionId AND user_id = @userId AND revoked_at IS NULL",
                    new { sessionId, userId, reason = SessionRevocation.RevokedByUser, now = now.UtcDateTime }, cancellationToken);
                if (ended == 0)
                    return UnknownSession;
                break;
        }

        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SessionRevoked, client, userId, scope == SignOutScope.OneSession ? sessionId : currentSessionId,
            $"{scope}: {ended} session(s)", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return ended;
    }
}
