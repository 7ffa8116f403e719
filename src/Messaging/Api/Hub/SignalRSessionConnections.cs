using System.Text.Json;
using ChatApp.Messaging.Application.Sessions;
using ChatApp.Messaging.Infrastructure;
using ChatApp.Messaging.Infrastructure.Presence;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace ChatApp.Messaging.Api.Hub;

/// <summary>
/// Ends the hub connections of ended sessions, on every replica. Each replica tells its own
/// connections of those sessions <see cref="IChatClient.SessionEnded"/>, written straight to the
/// connection, and then closes them. The replica that handled the event does so at once and
/// announces the sessions on a Redis channel, on which every other replica does the same with its
/// own; and every replica sweeps its connections against the ended sessions every
/// <see cref="SweepInterval"/>, for an announcement Redis lost. (A push through the backplane could still be on its way when the connection closes, and
/// be dropped: writing it first, on the replica that holds the connection, is what guarantees the
/// device hears why it was closed.)
/// </summary>
public sealed partial class SignalRSessionConnections(
    IHubContext<ChatHub, IChatClient> hub, LocalConnections connections, IConnectionMultiplexer redis, IEndedSessions endedSessions,
    ILogger<SignalRSessionConnections> logger)
    : BackgroundService, ISessionConnections
{
    /// <summary>
    /// How often each replica also looks its connections' sessions up among the ended ones: an
    /// announcement lost to Redis (away, or the handling replica cut off from it) is made good here.
    /// </summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    public static readonly RedisChannel Channel = RedisChannel.Literal("chatapp-messaging:sessions-ended");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Tells this replica's own announcements, which come back to it, from the others'.
    private readonly Guid _replicaId = Guid.NewGuid();

    public async Task EndAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        await EndHereAsync(sessionIds);
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Announcement(_replicaId, [.. sessionIds]), Json));
        }
        // Redis away: the other replicas' connections of these sessions last until their tokens
        // expire (and cannot be opened again); the event is not retried for that.
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            MessagingMetrics.PushFailed.Add(1, new KeyValuePair<string, object?>("kind", nameof(IChatClient.SessionEnded)));
            LogAnnounceFailed(logger, ex, sessionIds.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Once: the multiplexer keeps the subscription, even one made while Redis is away, and
            // renews it after every reconnect.
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnAnnouncement(message));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, ex);
        }

        using var timer = new PeriodicTimer(SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await SweepAsync(stoppingToken);
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var ended = await endedSessions.WhichHaveEndedAsync(connections.Sessions(), cancellationToken);
            if (ended.Count > 0)
                await EndHereAsync(ended);
        }
        catch (Exception ex) when (ex is MySqlConnector.MySqlException or TimeoutException)
        {
            LogSweepFailed(logger, ex);
        }
    }

    private void OnAnnouncement(RedisValue message) => _ = OnAnnouncementAsync(message);

    private async Task OnAnnouncementAsync(RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize<Announcement>(message.ToString(), Json) is { } announcement && announcement.ReplicaId != _replicaId)
                await EndHereAsync(announcement.SessionIds);
        }
        // Nobody awaits this: whatever went wrong is logged here.
        catch (Exception ex)
        {
            LogAnnouncementFailed(logger, ex);
        }
    }

    private async Task EndHereAsync(IReadOnlyCollection<Guid> sessionIds)
    {
        foreach (var connection in connections.OfSessions(sessionIds))
        {
            try
            {
                // A connection on this replica: the hub context writes to it directly, not through the backplane.
                await hub.Clients.Client(connection.ConnectionId).SessionEnded(new SessionEndedView(connection.SessionId));
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
            {
                // It was closing anyway.
                LogTellFailed(logger, ex, connection.ConnectionId);
            }
            finally
            {
                connection.Abort();
            }

            LogConnectionEnded(logger, connection.ConnectionId, connection.SessionId);
        }
    }

    private sealed record Announcement(Guid ReplicaId, IReadOnlyList<Guid> SessionIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub connection {ConnectionId} closed: its session {SessionId} ended")]
    private static partial void LogConnectionEnded(ILogger logger, string connectionId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telling hub connection {ConnectionId} that its session ended failed; closing it anyway")]
    private static partial void LogTellFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing {Count} ended session(s) to the other replicas failed; their connections last until their tokens expire")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to ended sessions failed; the subscription is made once Redis answers")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for connections of ended sessions failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An announcement of ended sessions could not be handled")]
    private static partial void LogAnnouncementFailed(ILogger logger, Exception exception);
}
