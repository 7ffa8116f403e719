using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/sessions").RequireAuthorization().WithTags("Sessions");
        sessions.MapGet("/", async Task<Ok<IReadOnlyList<SessionView>>> (ListSessions list, HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Ok(await list.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), cancellationToken)))
            .WithName("ListSessions")
            .WithSummary("My live sessions, most recently used first; isCurrent marks this one.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        sessions.MapDelete("/{sessionId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid sessionId, SignOut signOut, HttpContext context, CancellationToken cancellationToken) =>
            (await signOut.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), SignOutScope.OneSession, sessionId, context.Client(), cancellationToken))
            .Answer(context, _ => TypedResults.NoContent()))
            .WithName("EndSession")
            .WithSummary("Ends one of my sessions (signs that device out).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        sessions.MapDelete("/", async Task<Ok<SignedOutEverywhere>> (SignOut signOut, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            {
                // Every session of mine: there is no session id to get wrong, so it cannot fail.
                var ended = await signOut.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), SignOutScope.Everywhere, null, context.Client(), cancellationToken);
                cookie.Clear(context);
                return TypedResults.Ok(new SignedOutEverywhere(ended.Value));
            })
            .WithName("SignOutEverywhere")
            .WithSummary("Ends all my sessions, this one included.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
