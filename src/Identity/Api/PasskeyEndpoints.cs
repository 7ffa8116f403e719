using System.Text.Json;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Api;

public static class PasskeyEndpoints
{
    public static IEndpointRouteBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup("/account/passkeys").RequireAuthorization().WithTags("Passkeys");
        passkeys.MapGet("/", async (ListPasskeys list, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await list.ExecuteAsync(context.User.GetUserId(), cancellationToken)))
            .WithName("ListPasskeys")
            .Produces<IReadOnlyList<PasskeyView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        passkeys.MapPost("/options", async (BeginPasskeyRegistration begin, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await begin.ExecuteAsync(context.User.GetUserId(), cancellationToken)))
            .WithName("BeginPasskeyRegistration")
            .Produces<PasskeyRegistrationStarted>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        passkeys.MapPost("/", async (AddPasskeyRequest request, FinishPasskeyRegistration finish, HttpContext context, CancellationToken cancellationToken) =>
            (await finish.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                new FinishPasskeyRegistrationCommand(request.CeremonyId, request.Name!.Trim(), JsonSerializer.SerializeToElement(request.Attestation!), request.EndOtherSessions), context.Client(), cancellationToken))
            .ToResult(context, added => Results.Created($"/account/passkeys/{added.Id}", added)))
            .WithName("AddPasskey")
            .Validates<AddPasskeyRequest>()
            .Produces<PasskeyAdded>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status410Gone);

        passkeys.MapDelete("/{passkeyId}", async (string passkeyId, RemovePasskey remove, HttpContext context, CancellationToken cancellationToken) =>
            (await remove.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), passkeyId, context.Client(), cancellationToken))
            .ToResult(context, _ => Results.NoContent()))
            .WithName("RemovePasskey")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
