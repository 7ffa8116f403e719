using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ChatApp.BuildingBlocks.Realtime;

/// <summary>
/// Browsers send an Origin with every WebSocket handshake and do not apply CORS to WebSockets:
/// a hub request from a page of another site is refused here, so no other site can open a
/// connection with a token it got hold of. Clients without an Origin (apps, tests) are not browsers.
/// The allowed origins are the configuration section <c>{Service}:AllowedOrigins</c> (the AppHost
/// sets the gateway's address), else the local default.
/// </summary>
public static class HubOrigins
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, IConfiguration configuration, string service)
    {
        var allowed = configuration.GetSection($"{service}:AllowedOrigins").Get<string[]>() is { Length: > 0 } configured
            ? configured.Select(origin => origin.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http://localhost:5080" };
        // Not async: a connection let through returns next's task itself, so its request (which lives
        // as long as the connection) keeps no state machine of this middleware alive.
        return app.Use((context, next) =>
            context.Request.Path.StartsWithSegments("/hubs") && context.Request.Headers.Origin is { Count: > 0 } origin && !allowed.Contains(origin.ToString())
                ? Results.Problem($"Connections from {origin} are not allowed.", title: "Origin not allowed", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context)
                : next(context));
    }
}
