using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Contracts;

namespace ChatApp.Identity.Application.Sessions;

/// <summary>
/// Ending sessions. A revoked session's refresh tokens stop working at once; its access tokens
/// are checked offline by every service and would run for minutes more, so each revocation also
/// publishes <see cref="SessionsEnded"/> (through the outbox, in the caller's transaction) with the
/// sessions it ended, and Messaging closes their connections.
/// </summary>
public static class SessionRevocation
{
    public const string SignedOut = "signed-out";
    public const string RevokedByUser = "revoked-by-user";
    public const string RefreshReused = "refresh-reused";
    public const string PasswordChanged = "password-changed";
    public const string SecondFactorChanged = "second-factor-changed";

    /// <summary>Ends one session of the user, if it is theirs and still live; returns the sessions ended (that one, or none).</summary>
    public static Task<IReadOnlyList<Guid>> RevokeAsync(UnitOfWork unitOfWork, Guid userId, Guid sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        RevokeWhereAsync(unitOfWork, userId, "id = @sessionId AND user_id = @userId", new { sessionId, userId }, reason, now, cancellationToken);

    /// <summary>Ends every session of the user, or every one except <paramref name="keep"/>; returns the sessions ended.</summary>
    public static Task<IReadOnlyList<Guid>> RevokeAllAsync(UnitOfWork unitOfWork, Guid userId, Guid? keep, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        RevokeWhereAsync(unitOfWork, userId, "user_id = @userId AND (@keep IS NULL OR id <> @keep)", new { userId, keep }, reason, now, cancellationToken);

    private static async Task<IReadOnlyList<Guid>> RevokeWhereAsync(
        UnitOfWork unitOfWork, Guid userId, string condition, object parameters, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Locked, so a concurrent revocation waits and then finds them revoked: each session is
        // announced as ended exactly once.
        var sessionIds = (await unitOfWork.QueryAsync<Guid>(
            $"SELECT id FROM sessions WHERE {condition} AND revoked_at IS NULL FOR UPDATE", parameters, cancellationToken)).ToList();
        if (sessionIds.Count == 0)
            return [];

        await unitOfWork.ExecuteAsync(
            "UPDATE sessions SET revoked_at = @now, revoked_reason = @reason WHERE id IN @sessionIds",
            new { sessionIds, reason, now = now.UtcDateTime }, cancellationToken);
        await unitOfWork.EnqueueEventAsync(new SessionsEnded(userId, sessionIds, now), cancellationToken);
        return sessionIds;
    }
}
