using ChatApp.BuildingBlocks.Realtime;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Sessions;
using ChatApp.ServiceDefaults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Api.Hub;

public static class ChatRealtime
{
    /// <summary>
    /// The chat hub with a Redis backplane (<c>ConnectionStrings:redis</c>, <see cref="ChatBackplane"/>), so a push reaches a
    /// user's connections on every replica, and the closing of connections whose session ended
    /// (on every replica, through a channel of the same Redis).
    /// </summary>
    public static IHostApplicationBuilder AddChatRealtime(this IHostApplicationBuilder builder)
    {
        var messaging = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddSignalR(hub =>
        {
            // An envelope of the largest size, JSON-escaped in a hub message, still fits; a larger
            // message is refused while it is read, before it is buffered whole.
            hub.MaximumReceiveMessageSize = messaging.MaxMessageRequestBytes;
            hub.AddFilter(new HoldRateLimitedCalls(TimeSpan.FromSeconds(1)));
        });
        // The backplane: one Redis channel per replica, not two per connection (see ChatBackplane).
        builder.Services.AddSingleton<ChatBackplane>();
        builder.Services.AddSingleton<HubLifetimeManager<ChatHub>>(services => services.GetRequiredService<ChatBackplane>());
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSingleton<IChatBroadcast, SignalRChatBroadcast>();
        builder.Services.AddSingleton<SignalRSessionConnections>();
        builder.Services.AddSingleton<ISessionConnections>(services => services.GetRequiredService<SignalRSessionConnections>());
        builder.Services.AddHostedService(services => services.GetRequiredService<SignalRSessionConnections>());
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
}
