using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Application.Tokens;

namespace ChatApp.Identity.Api;

public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapPost("/refresh", async (RefreshSession refresh, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (cookie.Read(context) is not { } refreshToken)
                    return RefreshSession.Refused.ToProblem(context);
                var result = await refresh.ExecuteAsync(refreshToken, context.Client(), cancellationToken);
                if (result.Failure is not null)
                    cookie.Clear(context);
                return result.ToResult(context, session => SignInEndpoints.SignedInAnswer(session, cookie, context));
            })
            .AllowAnonymous()   // the refresh cookie is the credential: the access token has expired
            .WithName("RefreshTokens")
            .Produces<SignedIn>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        tokens.MapPost("/sign-out", async (SignOut signOut, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            {
                await signOut.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), SignOutScope.ThisSession, null, context.Client(), cancellationToken);
                cookie.Clear(context);
                return Results.NoContent();
            })
            .RequireAuthorization()
            .WithName("SignOut")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
