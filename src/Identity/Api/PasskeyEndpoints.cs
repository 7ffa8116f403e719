using System.Text.Json;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Passkeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

public static class PasskeyEndpoints
{
    public static IEndpointRouteBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup("/account/passkeys").RequireAuthorization().WithTags("Passkeys");
        passkeys.MapGet("/", async Task<Ok<IReadOnlyList<PasskeyView>>> (ListPasskeys list, HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Ok(await list.ExecuteAsync(context.User.GetUserId(), cancellationToken)))
            .WithName("ListPasskeys")
            .WithSummary("My passkeys, newest first.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        passkeys.MapPost("/options", async Task<Ok<PasskeyRegistrationStarted>> (BeginPasskeyRegistration begin, HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Ok(await begin.ExecuteAsync(context.User.GetUserId(), cancellationToken)))
            .WithName("BeginPasskeyRegistration")
            .WithSummary("Starts adding a passkey: the options for navigator.credentials.create(), and the ceremony id to answer with.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        passkeys.MapPost("/", async Task<Results<Created<PasskeyAdded>, ProblemHttpResult>> (
                AddPasskeyRequest request, FinishPasskeyRegistration finish, HttpContext context, CancellationToken cancellationToken) =>
            (await finish.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                new FinishPasskeyRegistrationCommand(request.CeremonyId, request.Name!.Trim(), JsonSerializer.SerializeToElement(request.Attestation!), request.EndOtherSessions),
                context.Client(), cancellationToken))
            .Answer(context, added => TypedResults.Created($"/account/passkeys/{added.Id}", added)))
            .WithName("AddPasskey")
            .WithSummary("Adds the passkey the browser created for the ceremony; ends my other sessions if I ask.")
            .Validates<AddPasskeyRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status410Gone);

        passkeys.MapDelete("/{passkeyId}", async Task<Results<NoContent, ProblemHttpResult>> (
                string passkeyId, RemovePasskey remove, HttpContext context, CancellationToken cancellationToken) =>
            (await remove.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), passkeyId, context.Client(), cancellationToken))
            .Answer(context, _ => TypedResults.NoContent()))
            .WithName("RemovePasskey")
            .WithSummary("Removes one of my passkeys; when it was the last and my default, email codes take over.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
