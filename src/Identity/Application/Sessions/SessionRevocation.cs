using ChatApp.BuildingBlocks.Eventing;

namespace ChatApp.Identity.Application.Sessions;

/// <summary>Ending sessions. A revoked session's refresh tokens stop working; its last access token runs out within minutes.</summary>
public static class SessionRevocation
{
    public const string SignedOut = "signed-out";
    public const string RevokedByUser = "revoked-by-user";
    public const string RefreshReused = "refresh-reused";
    public const string PasswordChanged = "password-changed";
    public const string SecondFactorChanged = "second-factor-changed";

    public static Task<int> RevokeAsync(UnitOfWork unitOfWork, Guid sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync(
            "UPDATE sessions SET revoked_at = @now, revoked_reason = @reason WHERE id = @sessionId AND revoked_at IS NULL",
            new { sessionId, reason, now = now.UtcDateTime }, cancellationToken);

    /// <summary>Ends every session of the user, or every one except <paramref name="keep"/>.</summary>
    public static Task<int> RevokeAllAsync(UnitOfWork unitOfWork, Guid userId, Guid? keep, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync(
            "UPDATE sessions SET revoked_at = @now, revoked_reason = @reason WHERE user_id = @userId AND revoked_at IS NULL AND (@keep IS NULL OR id <> @keep)",
            new { userId, keep, reason, now = now.UtcDateTime }, cancellationToken);
}
