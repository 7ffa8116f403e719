using System.Collections.Concurrent;
using ChatApp.Messaging.Application.Users;

namespace ChatApp.Messaging.Application.Presence;

/// <summary>
/// Turns connections coming and going into presence: the first connection of a user makes them
/// online, the last one going (or expiring) makes them offline with a last-seen time. Watchers hear of each change.
/// </summary>
public sealed class PresenceTracker(IPresenceStore store, IUserDirectory directory, IChatBroadcast broadcast, TimeProvider clock)
{
    // Connections that closed while the store was away, for the heartbeat to record.
    private readonly ConcurrentQueue<(Guid UserId, string ConnectionId)> _missedGoodbyes = new();

    /// <returns>False when the user already holds as many connections as allowed: this one is to be refused.</returns>
    public async Task<bool> ConnectedAsync(Guid userId, string connectionId)
    {
        var admission = await store.AddConnectionAsync(userId, connectionId);
        if (admission == ConnectionAdmission.First)
            await AnnounceAsync([userId], online: true);
        return admission != ConnectionAdmission.OverLimit;
    }

    public async Task DisconnectedAsync(Guid userId, string connectionId)
    {
        bool wasLast;
        try
        {
            wasLast = await store.RemoveConnectionAsync(userId, connectionId);
        }
        catch
        {
            // The store is away: the heartbeat records this goodbye once it is back.
            _missedGoodbyes.Enqueue((userId, connectionId));
            throw;
        }

        if (wasLast)
            await WentOfflineAsync([userId]);
    }

    /// <summary>
    /// Records the goodbyes the store missed while it was away. Watchers still think those users
    /// online: whoever has no connection left now is announced offline.
    /// </summary>
    /// <returns>The users announced offline.</returns>
    public async Task<IReadOnlyCollection<Guid>> RecordMissedGoodbyesAsync()
    {
        var announced = new HashSet<Guid>();
        while (_missedGoodbyes.TryPeek(out var goodbye))
        {
            await store.RemoveConnectionAsync(goodbye.UserId, goodbye.ConnectionId);
            if (!announced.Contains(goodbye.UserId) && !(await store.WhichAreOnlineAsync([goodbye.UserId])).Contains(goodbye.UserId))
            {
                await WentOfflineAsync([goodbye.UserId]);
                announced.Add(goodbye.UserId);
            }

            _missedGoodbyes.TryDequeue(out _);
        }

        return announced;
    }

    /// <summary>Announces once more where these users stand now (their last announcement may not have reached the watchers).</summary>
    public async Task AnnounceAgainAsync(IReadOnlyCollection<Guid> userIds)
    {
        if (userIds.Count == 0)
            return;
        var online = await store.WhichAreOnlineAsync(userIds);
        await AnnounceAsync([.. userIds.Where(online.Contains)], online: true);
        await AnnounceAsync([.. userIds.Where(userId => !online.Contains(userId))], online: false);
    }

    public async Task WentOfflineAsync(IReadOnlyCollection<Guid> userIds)
    {
        if (userIds.Count == 0)
            return;
        await directory.MarkLastSeenAsync(userIds, clock.GetUtcNow());
        // A device that reconnects at once (a browser back online delivers its old connection's
        // close beside its new connection) may be back already and announced online: announcing
        // it offline now would overtake that and leave watchers with the wrong state.
        var backAlready = await store.WhichAreOnlineAsync(userIds);
        await AnnounceAsync([.. userIds.Where(userId => !backAlready.Contains(userId))], online: false);
    }

    public Task CameBackAsync(IReadOnlyCollection<Guid> userIds) =>
        userIds.Count == 0 ? Task.CompletedTask : AnnounceAsync(userIds, online: true);

    private async Task AnnounceAsync(IReadOnlyCollection<Guid> userIds, bool online)
    {
        if (userIds.Count == 0)
            return;
        var users = await directory.FindAsync(userIds);
        foreach (var userId in userIds)
        {
            var user = users.GetValueOrDefault(userId);
            await broadcast.PresenceChangedAsync(new PresenceView(
                userId, user?.Username ?? "", user?.DisplayName ?? "", online, online ? null : user?.LastSeenAt));
        }
    }
}
