using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Directory;
using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Api;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/accounts", async (RegisterRequest request, RegisterAccount register, HttpContext context, CancellationToken cancellationToken) =>
            (await register.ExecuteAsync(
                new RegisterAccountCommand(request.Username!, request.Email!, request.DisplayName!, request.Password!, request.Language ?? "en"),
                context.Client(), cancellationToken))
            .ToResult(context, userId => Results.Created($"/users/{userId}", new AccountCreated(userId))))
            .AllowAnonymous()
            .WithTags("Account")
            .WithName("Register")
            .Validates<RegisterRequest>()
            .Produces<AccountCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var account = app.MapGroup("/account").RequireAuthorization().WithTags("Account");
        account.MapGet("/", async (GetMyAccount getAccount, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await getAccount.ExecuteAsync(context.User.GetUserId(), cancellationToken)))
            .WithName("GetMyAccount")
            .Produces<MyAccount>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        account.MapPatch("/profile", async (ChangeDisplayNameRequest request, ChangeDisplayName change, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await change.ExecuteAsync(context.User.GetUserId(), request.DisplayName!, cancellationToken)))
            .WithName("ChangeDisplayName")
            .Validates<ChangeDisplayNameRequest>()
            .Produces<UserProfile>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        account.MapPost("/password", async (ChangePasswordRequest request, ChangePassword change, HttpContext context, CancellationToken cancellationToken) =>
            (await change.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                new ChangePasswordCommand(request.CurrentPassword!, request.NewPassword!, request.EndOtherSessions), context.Client(), cancellationToken))
            .ToResult(context, ended => Results.Ok(new PasswordChanged(ended))))
            .WithName("ChangePassword")
            .Validates<ChangePasswordRequest>()
            .Produces<PasswordChanged>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
