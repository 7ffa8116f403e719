using System.Text.Json;
using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Application.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var signIn = app.MapGroup("/sign-in").AllowAnonymous().WithTags("Sign-in");
        signIn.MapPost("", async Task<Results<Ok<SignInChallengeIssued>, ProblemHttpResult>> (
                SignInRequest request, StartSignIn start, DeviceCookieJar device, HttpContext context, CancellationToken cancellationToken) =>
            (await start.ExecuteAsync(new StartSignInCommand(request.Login!, request.Password!, device.Read(context)), context.Client(), cancellationToken))
            .Answer(context, value => TypedResults.Ok(value)))
            .WithName("StartSignIn")
            .WithSummary("Sign-in step one, the password: answers a challenge for the second factor (and emails a code when that is the default).")
            .Validates<SignInRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        signIn.MapPost("/{challengeId:guid}/code", async Task<Results<Ok<SignedIn>, ProblemHttpResult>> (
                Guid challengeId, CodeRequest request, CompleteSignIn complete, RefreshCookie cookie, DeviceCookieJar device, HttpContext context, CancellationToken cancellationToken) =>
            (await complete.ExecuteAsync(new CompleteSignInCommand(challengeId, request.Code!, request.Proof), context.Client(), cancellationToken))
            .Answer(context, session => SignedInAnswer(session, cookie, context, device)))
            .WithName("CompleteSignInWithCode")
            .WithSummary("Sign-in step two with an emailed, authenticator or recovery code: opens a session (refresh token in its cookie).")
            .Validates<CodeRequest>()
            .ProducesSignInFailures();

        signIn.MapPost("/{challengeId:guid}/passkey/options", async Task<Results<Ok<JsonElement>, ProblemHttpResult>> (
                Guid challengeId, BeginPasskeySignIn begin, HttpContext context, CancellationToken cancellationToken) =>
            (await begin.ExecuteAsync(challengeId, cancellationToken)).Answer(context, value => TypedResults.Ok(value)))
            .WithName("BeginPasskeySignIn")
            .WithSummary("For step two with a passkey: the options for navigator.credentials.get(), naming my passkeys.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

        signIn.MapPost("/{challengeId:guid}/passkey", async Task<Results<Ok<SignedIn>, ProblemHttpResult>> (
                Guid challengeId, PasskeySignInRequest request, CompleteSignIn complete, RefreshCookie cookie, DeviceCookieJar device, HttpContext context, CancellationToken cancellationToken) =>
            (await complete.ExecuteAsync(
                new CompleteSignInCommand(challengeId, "", SignInProof.Passkey, JsonSerializer.SerializeToElement(request.Assertion!)), context.Client(), cancellationToken))
            .Answer(context, session => SignedInAnswer(session, cookie, context, device)))
            .WithName("CompleteSignInWithPasskey")
            .WithSummary("Sign-in step two with the passkey's answer to navigator.credentials.get(): opens a session (refresh token in its cookie).")
            .Validates<PasskeySignInRequest>()
            .ProducesSignInFailures();

        signIn.MapPost("/{challengeId:guid}/resend", async Task<Results<Accepted<CodeResent>, ProblemHttpResult>> (
                Guid challengeId, ResendSignInCode resend, HttpContext context, CancellationToken cancellationToken) =>
            (await resend.ExecuteAsync(challengeId, context.Client(), cancellationToken))
            .Answer(context, resent => TypedResults.Accepted((string?)null, resent)))
            .WithName("ResendSignInCode")
            .WithSummary("Emails a new code for the challenge (also how to use email when the default is another factor); once a minute at most.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>Why completing a sign-in can fail, whichever the proof.</summary>
    private static RouteHandlerBuilder ProducesSignInFailures(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status410Gone)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// The access token in the body (the client keeps it in memory), the refresh token in its cookie
    /// only; after a sign-in, the new device cookie too.
    /// </summary>
    public static Ok<SignedIn> SignedInAnswer(SignedInSession session, RefreshCookie cookie, HttpContext context, DeviceCookieJar? device = null)
    {
        cookie.Write(context, session);
        if (device is not null && session.DeviceCookie is { } issued)
            device.Write(context, issued);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SignedIn(session.AccessToken.Value, session.AccessToken.ExpiresAt, session.SessionId));
    }
}
