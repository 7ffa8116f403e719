using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Authenticators;
using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Api;

public static class AuthenticatorEndpoints
{
    public static IEndpointRouteBuilder MapAuthenticatorEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").RequireAuthorization().WithTags("Second factors");
        account.MapPost("/authenticator", async (BeginAuthenticatorEnrolment begin, HttpContext context, CancellationToken cancellationToken) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return (await begin.ExecuteAsync(context.User.GetUserId(), cancellationToken)).ToResult(context, Results.Ok);
            })
            .WithName("BeginAuthenticatorEnrolment")
            .Produces<AuthenticatorEnrolment>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        account.MapPost("/authenticator/confirm", async (AuthenticatorCodeRequest request, ConfirmAuthenticator confirm, HttpContext context, CancellationToken cancellationToken) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return (await confirm.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), request.Code!, request.EndOtherSessions, context.Client(), cancellationToken))
                    .ToResult(context, Results.Ok);
            })
            .WithName("ConfirmAuthenticator")
            .Validates<AuthenticatorCodeRequest>()
            .Produces<AuthenticatorConfirmed>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // POST, not DELETE: the password travels in a body, which DELETE requests should not carry.
        account.MapPost("/authenticator/remove", async (PasswordConfirmationRequest request, RemoveAuthenticator remove, HttpContext context, CancellationToken cancellationToken) =>
            (await remove.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), request.Password!, request.EndOtherSessions, context.Client(), cancellationToken))
            .ToResult(context, ended => Results.Ok(new AuthenticatorRemoved(ended))))
            .WithName("RemoveAuthenticator")
            .Validates<PasswordConfirmationRequest>()
            .Produces<AuthenticatorRemoved>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        account.MapPut("/second-factor", async (SecondFactorRequest request, ChooseSecondFactor choose, HttpContext context, CancellationToken cancellationToken) =>
            (await choose.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), request.SecondFactor!.Value, context.Client(), cancellationToken))
            .ToResult(context, factor => Results.Ok(new SecondFactorChosen(factor))))
            .WithName("ChooseSecondFactor")
            .Validates<SecondFactorRequest>()
            .Produces<SecondFactorChosen>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
