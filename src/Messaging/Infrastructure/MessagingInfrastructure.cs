using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Digests;
using ChatApp.Messaging.Application.Groups;
using ChatApp.Messaging.Application.Limits;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Application.Sessions;
using ChatApp.Messaging.Application.Users;
using ChatApp.Messaging.Infrastructure.Digests;
using ChatApp.Messaging.Infrastructure.Limits;
using ChatApp.Messaging.Infrastructure.Persistence;
using ChatApp.Messaging.Infrastructure.Presence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ChatApp.Messaging.Infrastructure;

public static class MessagingInfrastructure
{
    public const string RedisConnectionName = "redis";

    /// <summary>
    /// The stores in the service's MySQL database and the write batchers' loops; presence and rate limits in Redis
    /// (<c>ConnectionStrings:redis</c>) with the heartbeat that keeps this replica's connections
    /// alive there; and the worker that announces unread messages for digest emails.
    /// </summary>
    public static IHostApplicationBuilder AddMessagingInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IConversationStore, MySqlConversationStore>();
        services.AddSingleton<IGroupStore, MySqlGroupStore>();
        services.AddSingleton<IMessageStore, MySqlMessageStore>();
        services.AddSingleton<IReceiptStore, MySqlReceiptStore>();
        services.AddSingleton<IUserDirectory, MySqlUserDirectory>();
        services.AddSingleton<IEndedSessions, MySqlEndedSessions>();
        services.AddSingleton<IUnreadDigestStore, MySqlUnreadDigestStore>();
        services.AddHostedService<WriteBatchers>();

        var redisOptions = RedisOptions(builder.Configuration);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section)
            .Validate(options => options.RenewInterval > TimeSpan.Zero && options.ConnectionLifetime > options.RenewInterval * 2,
                "Presence:ConnectionLifetime must be more than twice Presence:RenewInterval, or live connections expire between renewals.")
            .ValidateOnStart();
        services.AddSingleton<IPresenceStore, RedisPresenceStore>();
        services.AddSingleton<IRateLimits, RedisRateLimits>();
        services.AddSingleton<LocalConnections>();
        services.AddSingleton<PresenceHeartbeat>();
        services.AddHostedService(provider => provider.GetRequiredService<PresenceHeartbeat>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");

        services.AddSingleton<DigestSignal>();
        services.AddHostedService<UnreadDigestWorker>();
        return builder;
    }

    /// <summary>How the service reaches Redis, for presence and rate limits here and for the hub's backplane.</summary>
    public static ConfigurationOptions RedisOptions(IConfiguration configuration)
    {
        var redisConnection = configuration.GetConnectionString(RedisConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{RedisConnectionName} is not set. The AppHost sets it; run the service through it, or set it yourself.");
        var redisOptions = ConfigurationOptions.Parse(redisConnection);
        // Start without Redis and keep trying: presence and cross-replica pushes degrade, the rest works.
        redisOptions.AbortOnConnectFail = false;
        // While it is away, fail at once instead of queueing each command for 5 s: a send must not wait that long for its pushes.
        redisOptions.BacklogPolicy = BacklogPolicy.FailFast;
        return redisOptions;
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.0} ms");
            }
            catch (RedisException ex)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer: presence and pushes to other replicas are down.", ex);
            }
        }
    }
}
