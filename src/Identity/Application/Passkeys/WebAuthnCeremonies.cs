using ChatApp.BuildingBlocks.Eventing;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>The options a WebAuthn ceremony started with, kept server-side until the browser answers, and used once.</summary>
public static class WebAuthnCeremonies
{
    public static Task SaveAsync(UnitOfWork unitOfWork, Guid id, Guid userId, string optionsJson, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync("""
            REPLACE INTO webauthn_ceremonies (id, user_id, options, expires_at) VALUES (@id, @userId, @optionsJson, @expiresAt)
            """, new { id, userId, optionsJson, expiresAt = expiresAt.UtcDateTime }, cancellationToken);

    /// <summary>The options of a live ceremony of this user, removed so they cannot be answered twice.</summary>
    public static async Task<string?> TakeAsync(UnitOfWork unitOfWork, Guid id, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = await unitOfWork.QuerySingleOrDefaultAsync<string>(
            "SELECT options FROM webauthn_ceremonies WHERE id = @id AND user_id = @userId AND expires_at > @now FOR UPDATE",
            new { id, userId, now = now.UtcDateTime }, cancellationToken);
        await unitOfWork.ExecuteAsync("DELETE FROM webauthn_ceremonies WHERE id = @id", new { id }, cancellationToken);
        return options;
    }
}
