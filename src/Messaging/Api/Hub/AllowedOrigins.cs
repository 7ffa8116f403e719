namespace ChatApp.Messaging.Api.Hub;

/// <summary>
/// Browsers send an Origin with every WebSocket handshake and do not apply CORS to WebSockets:
/// a hub request from a page of another site is refused here, so no other site can open a chat
/// connection with a token it got hold of. Clients without an Origin (apps, tests) are not browsers.
/// </summary>
public static class AllowedOrigins
{
    public const string Section = "Messaging:AllowedOrigins";

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, IConfiguration configuration)
    {
        var allowed = configuration.GetSection(Section).Get<string[]>() is { Length: > 0 } configured
            ? configured.Select(origin => origin.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http://localhost:5080" };
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Headers.Origin is { Count: > 0 } origin && !allowed.Contains(origin.ToString()))
            {
                await Results.Problem($"Connections from {origin} are not allowed.", title: "Origin not allowed", statusCode: StatusCodes.Status403Forbidden)
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }
}
