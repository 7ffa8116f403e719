using ChatApp.BuildingBlocks.Realtime;
using ChatApp.Messaging.Api.Hub;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Limits;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Sessions;
using ChatApp.Messaging.Infrastructure.Limits;
using ChatApp.Messaging.Infrastructure.Presence;
using ChatApp.ServiceDefaults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.Messaging.Infrastructure;

public static class RealtimeExtensions
{
    public const string RedisConnectionName = "redis";

    /// <summary>
    /// The chat hub with a Redis backplane (<c>ConnectionStrings:redis</c>), so a push reaches a
    /// user's connections on every replica, presence kept in the same Redis, and the closing of
    /// connections whose session ended (on every replica, through a channel of the same Redis).
    /// </summary>
    public static IHostApplicationBuilder AddRealtime(this IHostApplicationBuilder builder)
    {
        var redisConnection = builder.Configuration.GetConnectionString(RedisConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{RedisConnectionName} is not set. The AppHost sets it; run the service through it, or set it yourself.");
        var redisOptions = ConfigurationOptions.Parse(redisConnection);
        // Start without Redis and keep trying: presence and cross-replica pushes degrade, the rest works.
        redisOptions.AbortOnConnectFail = false;
        // While it is away, fail at once instead of queueing each command for 5 s: a send must not wait that long for its pushes.
        redisOptions.BacklogPolicy = BacklogPolicy.FailFast;

        var messaging = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddSignalR(hub =>
            {
                // An envelope of the largest size, JSON-escaped in a hub message, still fits; a larger
                // message is refused while it is read, before it is buffered whole.
                hub.MaximumReceiveMessageSize = messaging.MaxMessageRequestBytes;
                hub.AddFilter(new HoldRateLimitedCalls(TimeSpan.FromSeconds(1)));
            })
            .AddStackExchangeRedis(backplane =>
            {
                backplane.Configuration = redisOptions.Clone();
                backplane.Configuration.ChannelPrefix = RedisChannel.Literal("chatapp-messaging");
            });
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSingleton<IChatBroadcast, SignalRChatBroadcast>();
        builder.Services.AddSingleton<EndedSessions>();
        builder.Services.AddSingleton<SignalRSessionConnections>();
        builder.Services.AddSingleton<ISessionConnections>(services => services.GetRequiredService<SignalRSessionConnections>());
        builder.Services.AddHostedService(services => services.GetRequiredService<SignalRSessionConnections>());

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        builder.Services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section)
            .Validate(options => options.RenewInterval > TimeSpan.Zero && options.ConnectionLifetime > options.RenewInterval * 2,
                "Presence:ConnectionLifetime must be more than twice Presence:RenewInterval, or live connections expire between renewals.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IPresenceStore, RedisPresenceStore>();
        builder.Services.AddSingleton<IRateLimits, RedisRateLimits>();
        builder.Services.AddSingleton<LocalConnections>();
        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddSingleton<PresenceHeartbeat>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PresenceHeartbeat>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }

    /// <summary>The hub at <c>/hubs/chat</c>; a connection ends when its token does.</summary>
    public static IEndpointRouteBuilder MapChatHub(this IEndpointRouteBuilder app)
    {
        var messaging = app.ServiceProvider.GetRequiredService<IOptions<MessagingOptions>>().Value;
        // Long polling and server-sent events post hub messages as request bodies.
        app.MapHub<ChatHub>("/hubs/chat", connection => connection.CloseOnAuthenticationExpiration = true)
            .WithRequestBodyLimit(messaging.MaxMessageRequestBytes);
        return app;
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
