using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Keys;
using ChatApp.Identity.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

/// <summary>
/// End-to-end encryption keys: the directory of public keys (mine to publish, anyone's to read)
/// and my encrypted key backup (only ever mine). Private keys and passphrases stay in the browser.
/// </summary>
public static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("").RequireAuthorization().WithTags("Keys");
        keys.MapPut("/keys", async Task<Results<Ok<PublicKeyView>, ProblemHttpResult>> (
                PublishKeysRequest request, PublishKeys publish, HttpContext context, CancellationToken cancellationToken) =>
            (await publish.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                PublicKeySet.Parse(request.KeyId!, request.AgreementKey!, request.SigningKey!), context.Client(), cancellationToken))
            .Answer(context, value => TypedResults.Ok(value)))
            .WithName("PublishKeys")
            .WithSummary("Makes a key set my current one (the one it replaces stays in my history); publishing it again changes nothing.")
            .Validates<PublishKeysRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        keys.MapPost("/keys/lookup", async Task<Ok<IReadOnlyList<PublicKeyView>>> (LookupKeysRequest request, LookUpKeys lookUp, CancellationToken cancellationToken) =>
                TypedResults.Ok(await lookUp.ExecuteAsync(request.UserIds!, cancellationToken)))
            .WithName("LookupKeys")
            .WithSummary("The current key set of each of a batch of users, in the order asked; users without one are left out.")
            .Validates<LookupKeysRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        keys.MapGet("/users/{userId:guid}/keys", async Task<Ok<IReadOnlyList<PublicKeyView>>> (Guid userId, ListKeyHistory history, CancellationToken cancellationToken) =>
                TypedResults.Ok(await history.ExecuteAsync(userId, cancellationToken)))
            .WithName("ListUserKeys")
            .WithSummary("Every key set the user has published, newest (current) first; empty for a user with none.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        keys.MapPut("/keys/backup", async Task<Results<NoContent, ProblemHttpResult>> (
                KeyBackupRequest request, StoreKeyBackup store, HttpContext context, CancellationToken cancellationToken) =>
            (await store.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                KeyBackup.Parse(request.KeyId!, request.Salt!, request.Iterations!.Value, request.Iv!, request.Ciphertext!), context.Client(), cancellationToken))
            .Answer(context, _ => TypedResults.NoContent()))
            .WithName("StoreKeyBackup")
            .WithSummary("Stores my encrypted key backup, replacing mine; it must name one of my published key sets.")
            .Validates<KeyBackupRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        keys.MapGet("/keys/backup", async Task<Results<Ok<KeyBackupView>, ProblemHttpResult>> (
                GetKeyBackup get, HttpContext context, CancellationToken cancellationToken) =>
            (await get.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), context.Client(), cancellationToken))
            .Answer(context, value => TypedResults.Ok(value)))
            .WithName("GetKeyBackup")
            .WithSummary("My encrypted key backup, for a new browser of mine to restore my keys from; limited, as it can be attacked offline.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }
}
