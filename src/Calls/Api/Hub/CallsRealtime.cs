using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApp.BuildingBlocks.Realtime;
using ChatApp.Calls.Application;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace ChatApp.Calls.Api.Hub;

public static class CallsRealtime
{
    public const string RedisConnectionName = "redis";

    /// <summary>
    /// The call hub with a Redis backplane (<c>ConnectionStrings:redis</c>): a ring reaches every
    /// device of the callee and a signal reaches its one connection, on whichever replica they are.
    /// </summary>
    public static IHostApplicationBuilder AddCallsRealtime(this IHostApplicationBuilder builder)
    {
        var redisConnection = builder.Configuration.GetConnectionString(RedisConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{RedisConnectionName} is not set. The AppHost sets it; run the service through it, or set it yourself.");
        var redisOptions = ConfigurationOptions.Parse(redisConnection);
        redisOptions.AbortOnConnectFail = false;
        builder.Services.AddSignalR()
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .AddStackExchangeRedis(backplane =>
            {
                backplane.Configuration = redisOptions;
                backplane.Configuration.ChannelPrefix = RedisChannel.Literal("chatapp-calls");
            });
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSingleton<ICallBroadcast, SignalRCallBroadcast>();
        return builder;
    }

    /// <summary>The hub at <c>/hubs/calls</c>; a connection ends when its token does.</summary>
    public static IEndpointRouteBuilder MapCallHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<CallHub>("/hubs/calls", connection => connection.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
