using ChatApp.BuildingBlocks.Eventing;

namespace ChatApp.Messaging.Application.Users;

/// <summary>The one write of the user projection. Events may arrive out of order: an older one never overwrites a newer one.</summary>
internal static class UserNames
{
    public static async Task UpsertAsync(UnitOfWork unitOfWork, Guid userId, string username, string displayName, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrWhiteSpace(displayName))
            throw new MalformedEventException($"The event about user {userId} has no username or display name.");
        await unitOfWork.ExecuteAsync("""
            INSERT INTO users (id, username, display_name, profile_changed_at) VALUES (@userId, @username, @displayName, @at)
            ON DUPLICATE KEY UPDATE
              username = IF(profile_changed_at <= VALUES(profile_changed_at), VALUES(username), username),
              display_name = IF(profile_changed_at <= VALUES(profile_changed_at), VALUES(display_name), display_name),
              profile_changed_at = GREATEST(profile_changed_at, VALUES(profile_changed_at))
            """, new { userId, username, displayName, at = changedAt.UtcDateTime }, cancellationToken);
    }
}
