using System.Text.Json;
using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Application.Tokens;

namespace ChatApp.Identity.Api;

public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var signIn = app.MapGroup("/sign-in").AllowAnonymous().WithTags("Sign-in");
        signIn.MapPost("", async (SignInRequest request, StartSignIn start, DeviceCookieJar device, HttpContext context, CancellationToken cancellationToken) =>
            (await start.ExecuteAsync(new StartSignInCommand(request.Login!, request.Password!, device.Read(context)), context.Client(), cancellationToken))
            .ToResult(context, Results.Ok))
            .WithName("StartSignIn")
            .Validates<SignInRequest>()
            .Produces<SignInChallengeIssued>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        signIn.MapPost("/{challengeId:guid}/code", async (Guid challengeId, CodeRequest request, CompleteSignIn complete, RefreshCookie cookie, DeviceCookieJar device, HttpContext context, CancellationToken cancellationToken) =>
            (await complete.ExecuteAsync(new CompleteSignInCommand(challengeId, request.Code!, request.Proof), context.Client(), cancellationToken))
            .ToResult(context, session => SignedInAnswer(session, cookie, context, device)))
            .WithName("CompleteSignInWithCode")
            .Validates<CodeRequest>()
            .ProducesSignInAnswers();

        signIn.MapPost("/{challengeId:guid}/passkey/options", async (Guid challengeId, BeginPasskeySignIn begin, HttpContext context, CancellationToken cancellationToken) =>
            (await begin.ExecuteAsync(challengeId, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("BeginPasskeySignIn")
            .Produces<System.Text.Json.JsonElement>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

        signIn.MapPost("/{challengeId:guid}/passkey", async (Guid challengeId, PasskeySignInRequest request, CompleteSignIn complete, RefreshCookie cookie, DeviceCookieJar device, HttpContext context, CancellationToken cancellationToken) =>
            (await complete.ExecuteAsync(new CompleteSignInCommand(challengeId, "", SignInProof.Passkey, JsonSerializer.SerializeToElement(request.Assertion!)), context.Client(), cancellationToken))
            .ToResult(context, session => SignedInAnswer(session, cookie, context, device)))
            .WithName("CompleteSignInWithPasskey")
            .Validates<PasskeySignInRequest>()
            .ProducesSignInAnswers();

        signIn.MapPost("/{challengeId:guid}/resend", async (Guid challengeId, ResendSignInCode resend, HttpContext context, CancellationToken cancellationToken) =>
            (await resend.ExecuteAsync(challengeId, context.Client(), cancellationToken))
            .ToResult(context, resent => Results.Accepted(value: resent)))
            .WithName("ResendSignInCode")
            .Produces<CodeResent>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>What completing a sign-in answers, whichever the proof: the session, or why not.</summary>
    private static RouteHandlerBuilder ProducesSignInAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<SignedIn>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status410Gone)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// The access token in the body (the client keeps it in memory), the refresh token in its cookie
    /// only; after a sign-in, the new device cookie too.
    /// </summary>
    public static IResult SignedInAnswer(SignedInSession session, RefreshCookie cookie, HttpContext context, DeviceCookieJar? device = null)
    {
        cookie.Write(context, session);
        if (device is not null && session.DeviceCookie is { } issued)
            device.Write(context, issued);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new SignedIn(session.AccessToken.Value, session.AccessToken.ExpiresAt, session.SessionId));
    }
}
