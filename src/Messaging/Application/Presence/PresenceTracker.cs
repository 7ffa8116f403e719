using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Messaging.Application.Users;
using Dapper;

namespace ChatApp.Messaging.Application.Presence;

/// <summary>
/// Turns connections coming and going into presence: the first connection of a user makes them
/// online, the last one going (or expiring) makes them offline with a last-seen time. Watchers hear of each change.
/// </summary>
public sealed class PresenceTracker(IPresenceStore store, ServiceDatabase database, IChatBroadcast broadcast, TimeProvider clock)
{
    public async Task ConnectedAsync(Guid userId, string connectionId)
    {
        if (await store.AddConnectionAsync(userId, connectionId))
            await AnnounceAsync([userId], online: true);
    }

    public async Task DisconnectedAsync(Guid userId, string connectionId)
    {
        if (await store.RemoveConnectionAsync(userId, connectionId))
            await WentOfflineAsync([userId]);
    }

    public async Task WentOfflineAsync(IReadOnlyCollection<Guid> userIds)
    {
        if (userIds.Count == 0)
            return;
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE users SET last_seen_at = @now WHERE id IN @userIds",
            new { now = clock.GetUtcNow().UtcDateTime, userIds });
        await AnnounceAsync(userIds, online: false);
    }

    public Task CameBackAsync(IReadOnlyCollection<Guid> userIds) =>
        userIds.Count == 0 ? Task.CompletedTask : AnnounceAsync(userIds, online: true);

    private async Task AnnounceAsync(IReadOnlyCollection<Guid> userIds, bool online)
    {
        var users = await UserDirectory.FindAsync(database, userIds);
        foreach (var userId in userIds)
        {
            var user = users.GetValueOrDefault(userId);
            await broadcast.PresenceChangedAsync(new PresenceView(
                userId, user?.Username ?? "", user?.DisplayName ?? "", online, online ? null : user?.LastSeenAt));
        }
    }
}
