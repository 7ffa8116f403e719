using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Api;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/accounts", async (RegisterRequest request, RegisterAccount register, HttpContext context, CancellationToken cancellationToken) =>
            (await register.ExecuteAsync(
                new RegisterAccountCommand(request.Username!, request.Email!, request.DisplayName!, request.Password!, request.Language ?? "en"),
                Client.Of(context), cancellationToken))
            .ToResult(context, userId => Results.Created($"/users/{userId}", new { userId })))
            .Validates<RegisterRequest>();

        var account = app.MapGroup("/account").RequireAuthorization();
        account.MapGet("/", async (GetMyAccount getAccount, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await getAccount.ExecuteAsync(context.User.GetUserId(), cancellationToken)));

        account.MapPatch("/profile", async (ChangeDisplayNameRequest request, ChangeDisplayName change, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await change.ExecuteAsync(context.User.GetUserId(), request.DisplayName!, cancellationToken)))
            .Validates<ChangeDisplayNameRequest>();

        account.MapPost("/password", async (ChangePasswordRequest request, ChangePassword change, HttpContext context, CancellationToken cancellationToken) =>
            (await change.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                new ChangePasswordCommand(request.CurrentPassword!, request.NewPassword!, request.EndOtherSessions), Client.Of(context), cancellationToken))
            .ToResult(context, ended => Results.Ok(new { otherSessionsEnded = ended })))
            .Validates<ChangePasswordRequest>();
        return app;
    }
}
