using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;

namespace ChatApp.Identity.Api;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/sessions").RequireAuthorization().WithTags("Sessions");
        sessions.MapGet("/", async (ListSessions list, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await list.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), cancellationToken)))
            .WithName("ListSessions")
            .Produces<IReadOnlyList<SessionView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        sessions.MapDelete("/{sessionId:guid}", async (Guid sessionId, SignOut signOut, HttpContext context, CancellationToken cancellationToken) =>
            (await signOut.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), SignOutScope.OneSession, sessionId, context.Client(), cancellationToken))
            .ToResult(context, _ => Results.NoContent()))
            .WithName("EndSession")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        sessions.MapDelete("/", async (SignOut signOut, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            (await signOut.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), SignOutScope.Everywhere, null, context.Client(), cancellationToken))
            .ToResult(context, ended =>
            {
                cookie.Clear(context);
                return Results.Ok(new SignedOutEverywhere(ended));
            }))
            .WithName("SignOutEverywhere")
            .Produces<SignedOutEverywhere>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
