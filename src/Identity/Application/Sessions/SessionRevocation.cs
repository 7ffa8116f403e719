using ChatApp.Contracts;

namespace ChatApp.Identity.Application.Sessions;

/// <summary>
/// Ending sessions. A revoked session's refresh tokens stop working at once; its access tokens
/// are checked offline by every service and would run for minutes more, so each revocation also
/// publishes <see cref="SessionsEnded"/> (through the outbox, in the caller's transaction) with the
/// sessions it ended, and Messaging closes their connections.
/// </summary>
public sealed class SessionRevocation(ISessions sessions)
{
    public const string SignedOut = "signed-out";
    public const string RevokedByUser = "revoked-by-user";
    public const string RefreshReused = "refresh-reused";
    public const string PasswordChanged = "password-changed";
    public const string SecondFactorChanged = "second-factor-changed";

    /// <summary>Ends one session of the user, if it is theirs and still live; returns the sessions ended (that one, or none).</summary>
    public async Task<IReadOnlyList<Guid>> RevokeAsync(IUnitOfWork unitOfWork, Guid userId, Guid sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        await AnnounceAsync(unitOfWork, userId, await sessions.RevokeAsync(unitOfWork, userId, sessionId, reason, now, cancellationToken), now, cancellationToken);

    /// <summary>Ends every session of the user, or every one except <paramref name="keep"/>; returns the sessions ended.</summary>
    public async Task<IReadOnlyList<Guid>> RevokeAllAsync(IUnitOfWork unitOfWork, Guid userId, Guid? keep, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        await AnnounceAsync(unitOfWork, userId, await sessions.RevokeAllAsync(unitOfWork, userId, keep, reason, now, cancellationToken), now, cancellationToken);

    /// <summary>Each session is announced as ended exactly once: the store revokes only live ones, locked.</summary>
    private static async Task<IReadOnlyList<Guid>> AnnounceAsync(IUnitOfWork unitOfWork, Guid userId, IReadOnlyList<Guid> sessionIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sessionIds.Count > 0)
            await unitOfWork.EnqueueEventAsync(new SessionsEnded(userId, sessionIds, now), cancellationToken);
        return sessionIds;
    }
}
