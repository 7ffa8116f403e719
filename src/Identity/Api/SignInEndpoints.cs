using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Application.Tokens;

namespace ChatApp.Identity.Api;

public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sign-in", async (SignInRequest request, StartSignIn signIn, HttpContext context, CancellationToken cancellationToken) =>
            (await signIn.ExecuteAsync(new StartSignInCommand(request.Login!, request.Password!), Client.Of(context), cancellationToken))
            .ToResult(context, Results.Ok))
            .Validates<SignInRequest>();

        app.MapPost("/sign-in/{challengeId:guid}/code", async (Guid challengeId, CodeRequest request, CompleteSignIn complete, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            (await complete.ExecuteAsync(new CompleteSignInCommand(challengeId, request.Code!, request.Proof), Client.Of(context), cancellationToken))
            .ToResult(context, session => SignedIn(session, cookie, context)))
            .Validates<CodeRequest>();

        app.MapPost("/sign-in/{challengeId:guid}/passkey/options", async (Guid challengeId, BeginPasskeySignIn begin, HttpContext context, CancellationToken cancellationToken) =>
            (await begin.ExecuteAsync(challengeId, cancellationToken)).ToResult(context, Results.Ok));

        app.MapPost("/sign-in/{challengeId:guid}/passkey", async (Guid challengeId, PasskeySignInRequest request, CompleteSignIn complete, RefreshCookie cookie, HttpContext context, CancellationToken cancellationToken) =>
            (await complete.ExecuteAsync(new CompleteSignInCommand(challengeId, "", SignInProof.Passkey, request.Assertion), Client.Of(context), cancellationToken))
            .ToResult(context, session => SignedIn(session, cookie, context)))
            .Validates<PasskeySignInRequest>();

        app.MapPost("/sign-in/{challengeId:guid}/resend", async (Guid challengeId, ResendSignInCode resend, HttpContext context, CancellationToken cancellationToken) =>
            (await resend.ExecuteAsync(challengeId, Client.Of(context), cancellationToken))
            .ToResult(context, resent => Results.Accepted(value: resent)));
        return app;
    }

    /// <summary>The access token in the body (the client keeps it in memory), the refresh token in its cookie only.</summary>
    public static IResult SignedIn(SignedInSession session, RefreshCookie cookie, HttpContext context)
    {
        cookie.Write(context, session);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new { accessToken = session.AccessToken.Value, expiresAt = session.AccessToken.ExpiresAt, sessionId = session.SessionId });
    }
}
