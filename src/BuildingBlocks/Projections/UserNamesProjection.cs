using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.BuildingBlocks.Projections;

/// <summary>
/// The one write of a service's projection of people's names (a <c>users</c> table with id,
/// username, display_name, profile_changed_at), fed by Identity's UserRegistered and
/// UserProfileChanged events. Events may arrive out of order: an older one never overwrites a newer one.
/// </summary>
public static class UserNamesProjection
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
