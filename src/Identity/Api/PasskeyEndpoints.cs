using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Api;

public static class PasskeyEndpoints
{
    public static IEndpointRouteBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup("/account/passkeys").RequireAuthorization();
        passkeys.MapGet("/", async (ListPasskeys list, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await list.ExecuteAsync(context.User.GetUserId(), cancellationToken)));

        passkeys.MapPost("/options", async (BeginPasskeyRegistration begin, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await begin.ExecuteAsync(context.User.GetUserId(), cancellationToken)));

        passkeys.MapPost("/", async (AddPasskeyRequest request, FinishPasskeyRegistration finish, HttpContext context, CancellationToken cancellationToken) =>
            (await finish.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                new FinishPasskeyRegistrationCommand(request.CeremonyId, request.Name!.Trim(), request.Attestation!, request.EndOtherSessions), Client.Of(context), cancellationToken))
            .ToResult(context, added => Results.Created($"/account/passkeys/{added.Id}", added)))
            .Validates<AddPasskeyRequest>();

        passkeys.MapDelete("/{passkeyId}", async (string passkeyId, RemovePasskey remove, HttpContext context, CancellationToken cancellationToken) =>
            (await remove.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), passkeyId, Client.Of(context), cancellationToken))
            .ToResult(context, _ => Results.NoContent()));
        return app;
    }
}
