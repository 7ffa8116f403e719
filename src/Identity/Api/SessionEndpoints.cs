using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;

namespace ChatApp.Identity.Api;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/sessions").RequireAuthorization();
        sessions.MapGet("/", async (ListSessions list, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await list.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), cancellationToken)));

        sessions.MapDelete("/{sessionId:guid}", async (Guid sessionId, SignOut signOut, HttpContext context, CancellationToken cancellationToken) =>
            (await signOut.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), SignOutScope.OneSession, sessionId, Client.Of(context), cancellationToken))
            .ToResult(context, _ => Results.NoContent()));

        sessions.MapDelete("/", async (SignOut signOut, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            (await signOut.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), SignOutScope.Everywhere, null, Client.Of(context), cancellationToken))
            .ToResult(context, ended =>
            {
                cookie.Clear(context);
                return Results.Ok(new { sessionsEnded = ended });
            }));
        return app;
    }
}
