using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/accounts", async Task<Results<Created<AccountCreated>, ProblemHttpResult>> (
                RegisterRequest request, RegisterAccount register, HttpContext context, CancellationToken cancellationToken) =>
            (await register.ExecuteAsync(
                new RegisterAccountCommand(request.Username!, request.Email!, request.DisplayName!, request.Password!, request.Language ?? "en"),
                context.Client(), cancellationToken))
            .Answer(context, userId => TypedResults.Created($"/users/{userId}", new AccountCreated(userId))))
            .AllowAnonymous()
            .WithTags("Account")
            .WithName("Register")
            .WithSummary("Creates an account (email is its second factor until another is set up); sign in next.")
            .Validates<RegisterRequest>()
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var account = app.MapGroup("/account").RequireAuthorization().WithTags("Account");
        account.MapGet("/", async Task<Ok<MyAccount>> (GetMyAccount getAccount, HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Ok(await getAccount.ExecuteAsync(context.User.GetUserId(), cancellationToken)))
            .WithName("GetMyAccount")
            .WithSummary("My account, with what only I may see: my email and my second factors.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        account.MapPatch("/profile", async Task<Ok<UserProfile>> (ChangeDisplayNameRequest request, ChangeDisplayName change, HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Ok(await change.ExecuteAsync(context.User.GetUserId(), request.DisplayName!, cancellationToken)))
            .WithName("ChangeDisplayName")
            .WithSummary("Changes my display name, for everyone.")
            .Validates<ChangeDisplayNameRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        account.MapPost("/password", async Task<Results<Ok<PasswordChanged>, ProblemHttpResult>> (
                ChangePasswordRequest request, ChangePassword change, HttpContext context, CancellationToken cancellationToken) =>
            (await change.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                new ChangePasswordCommand(request.CurrentPassword!, request.NewPassword!, request.EndOtherSessions), context.Client(), cancellationToken))
            .Answer(context, ended => TypedResults.Ok(new PasswordChanged(ended))))
            .WithName("ChangePassword")
            .WithSummary("Changes my password after checking the current one; ends my other sessions if I ask.")
            .Validates<ChangePasswordRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
