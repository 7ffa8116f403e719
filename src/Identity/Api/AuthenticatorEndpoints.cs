using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Authenticators;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

public static class AuthenticatorEndpoints
{
    public static IEndpointRouteBuilder MapAuthenticatorEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").RequireAuthorization().WithTags("Second factors");
        account.MapPost("/authenticator", async Task<Results<Ok<AuthenticatorEnrolment>, ProblemHttpResult>> (
                BeginAuthenticatorEnrolment begin, HttpContext context, CancellationToken cancellationToken) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return (await begin.ExecuteAsync(context.User.GetUserId(), cancellationToken)).Answer(context, value => TypedResults.Ok(value));
            })
            .WithName("BeginAuthenticatorEnrolment")
            .WithSummary("Starts setting up an authenticator app: a new secret to scan or type, unconfirmed until its first code.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        account.MapPost("/authenticator/confirm", async Task<Results<Ok<AuthenticatorConfirmed>, ProblemHttpResult>> (
                AuthenticatorCodeRequest request, ConfirmAuthenticator confirm, HttpContext context, CancellationToken cancellationToken) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return (await confirm.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), request.Code!, request.EndOtherSessions, context.Client(), cancellationToken))
                    .Answer(context, value => TypedResults.Ok(value));
            })
            .WithName("ConfirmAuthenticator")
            .WithSummary("Confirms the authenticator app with its first code; it becomes the default, and my recovery codes are shown this once.")
            .Validates<AuthenticatorCodeRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // POST, not DELETE: the password travels in a body, which DELETE requests should not carry.
        account.MapPost("/authenticator/remove", async Task<Results<Ok<AuthenticatorRemoved>, ProblemHttpResult>> (
                PasswordConfirmationRequest request, RemoveAuthenticator remove, HttpContext context, CancellationToken cancellationToken) =>
            (await remove.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), request.Password!, request.EndOtherSessions, context.Client(), cancellationToken))
            .Answer(context, ended => TypedResults.Ok(new AuthenticatorRemoved(ended))))
            .WithName("RemoveAuthenticator")
            .WithSummary("Removes the authenticator app and its recovery codes after checking my password; email codes take over.")
            .Validates<PasswordConfirmationRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        account.MapPut("/second-factor", async Task<Results<Ok<SecondFactorChosen>, ProblemHttpResult>> (
                SecondFactorRequest request, ChooseSecondFactor choose, HttpContext context, CancellationToken cancellationToken) =>
            (await choose.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), request.SecondFactor!.Value, context.Client(), cancellationToken))
            .Answer(context, factor => TypedResults.Ok(new SecondFactorChosen(factor))))
            .WithName("ChooseSecondFactor")
            .WithSummary("Chooses which of my set-up second factors sign-in asks for first.")
            .Validates<SecondFactorRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
