using ChatApp.Messaging.Application.Presence;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Infrastructure.Presence;

/// <summary>
/// Keeps this replica's connections alive in the presence store, puts them back after the store
/// lost them (an outage), records the connections that closed meanwhile, and forgets the
/// connections of replicas that died, so their users go offline.
/// </summary>
public sealed partial class PresenceHeartbeat(
    LocalConnections connections, IPresenceStore store, PresenceTracker tracker, IOptions<PresenceOptions> options, ILogger<PresenceHeartbeat> logger)
    : BackgroundService
{
    // Users whose presence the last beat repaired after an outage.
    private IReadOnlyCollection<Guid> _repaired = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await BeatAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One renewal and expiry round; public for tests that cannot wait for the timer.</summary>
    public async Task BeatAsync()
    {
        try
        {
            var cameBack = await store.RenewAsync(connections.Snapshot());
            await tracker.CameBackAsync(cameBack);
            var wentOffline = await tracker.RecordMissedGoodbyesAsync();
            // Right after an outage the backplane may still be reconnecting (it has a Redis
            // connection of its own) and drop what was just announced: the next beat says it again.
            await tracker.AnnounceAgainAsync(_repaired);
            _repaired = [.. cameBack, .. wentOffline];
            await tracker.WentOfflineAsync(await store.ExpireAsync());
        }
        // The store or the database being away must not end the heartbeat: the next beat repairs presence.
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or MySqlConnector.MySqlException or TimeoutException)
        {
            LogBeatFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence renewal failed; retrying at the next beat")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
