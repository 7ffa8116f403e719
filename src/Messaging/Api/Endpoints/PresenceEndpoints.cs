using ChatApp.Messaging.Application.Presence;
using StackExchange.Redis;

namespace ChatApp.Messaging.Api.Endpoints;

public static class PresenceEndpoints
{
    public static IEndpointRouteBuilder MapPresenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/presence", async (GetOnlineUsers online, CancellationToken cancellationToken) =>
            {
                try
                {
                    return Results.Ok(await online.ExecuteAsync(cancellationToken));
                }
                catch (RedisException)
                {
                    return Results.Problem("Who is online cannot be told right now; try again shortly.", title: "Presence unavailable",
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .RequireAuthorization().WithTags("Presence")
            .WithName("GetOnlineUsers")
            .Produces<IReadOnlyList<PresenceView>>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
