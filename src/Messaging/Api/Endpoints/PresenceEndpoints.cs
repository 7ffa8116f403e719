using ChatApp.Messaging.Application.Presence;

namespace ChatApp.Messaging.Api.Endpoints;

public static class PresenceEndpoints
{
    public static IEndpointRouteBuilder MapPresenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/presence", async (GetOnlineUsers online, CancellationToken cancellationToken) => Results.Ok(await online.ExecuteAsync(cancellationToken)))
            .RequireAuthorization().WithTags("Presence")
            .Produces<IReadOnlyList<PresenceView>>();
        return app;
    }
}
