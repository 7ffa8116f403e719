using ChatApp.Messaging.Application.Presence;
using Microsoft.AspNetCore.Http.HttpResults;
using StackExchange.Redis;

namespace ChatApp.Messaging.Api.Endpoints;

public static class PresenceEndpoints
{
    public static IEndpointRouteBuilder MapPresenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/presence", async Task<Results<Ok<IReadOnlyList<PresenceView>>, ProblemHttpResult>> (GetOnlineUsers online, CancellationToken cancellationToken) =>
            {
                try
                {
                    return TypedResults.Ok(await online.ExecuteAsync(cancellationToken));
                }
                catch (RedisException)
                {
                    return TypedResults.Problem("Who is online cannot be told right now; try again shortly.", title: "Presence unavailable",
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .RequireSignedIn().WithTags("Presence")
            .WithName("GetOnlineUsers")
            .WithSummary("Everyone online now, with their names.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
