using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Application.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapPost("/refresh", async Task<Results<Ok<SignedIn>, ProblemHttpResult>> (
                RefreshSession refresh, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (cookie.Read(context) is not { } refreshToken)
                    return RefreshSession.Refused.ToProblem(context);
                var result = await refresh.ExecuteAsync(refreshToken, context.Client(), cancellationToken);
                if (result.Failure is not null)
                    cookie.Clear(context);
                return result.Answer(context, session => SignInEndpoints.SignedInAnswer(session, cookie, context));
            })
            .AllowAnonymous()   // the refresh cookie is the credential: the access token has expired
            .WithName("RefreshTokens")
            .WithSummary("Trades the refresh cookie for a new access token and the next refresh cookie; a reused one ends the session.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        tokens.MapPost("/sign-out", async Task<NoContent> (SignOut signOut, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            {
                await signOut.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), SignOutScope.ThisSession, null, context.Client(), cancellationToken);
                cookie.Clear(context);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("SignOut")
            .WithSummary("Ends this session and clears its refresh cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
