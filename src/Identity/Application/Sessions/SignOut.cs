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
public sealed class SignOut(IUnitOfWorkFactory unitOfWorks, SessionRevocation sessions, ISecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure UnknownSession = new(FailureKind.NotFound, "Unknown session", "You have no live session with this id.");

    public async Task<Result<int>> ExecuteAsync(Guid userId, Guid currentSessionId, SignOutScope scope, Guid? sessionId, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var ended = scope switch
        {
            SignOutScope.Everywhere => await sessions.RevokeAllAsync(unitOfWork, userId, keep: null, SessionRevocation.SignedOut, now, cancellationToken),
            SignOutScope.ThisSession => await sessions.RevokeAsync(unitOfWork, userId, currentSessionId, SessionRevocation.SignedOut, now, cancellationToken),
            // Only the caller's own sessions: someone else's id answers as if it did not exist.
            _ => await sessions.RevokeAsync(unitOfWork, userId, sessionId ?? Guid.Empty, SessionRevocation.RevokedByUser, now, cancellationToken),
        };
        if (scope == SignOutScope.OneSession && ended.Count == 0)
            return UnknownSession;

        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SessionRevoked, client, userId, scope == SignOutScope.OneSession ? sessionId : currentSessionId,
            $"{scope}: {ended.Count} session(s)", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return ended.Count;
    }
}
