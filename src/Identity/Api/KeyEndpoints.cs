using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Keys;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;

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
        keys.MapPut("/keys", async (PublishKeysRequest request, PublishKeys publish, HttpContext context, CancellationToken cancellationToken) =>
            (await publish.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                PublicKeySet.Parse(request.KeyId!, request.AgreementKey!, request.SigningKey!), context.Client(), cancellationToken))
            .ToResult(context, Results.Ok))
            .WithName("PublishKeys")
            .Validates<PublishKeysRequest>()
            .Produces<PublicKeyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        keys.MapPost("/keys/lookup", async (LookupKeysRequest request, LookUpKeys lookUp, CancellationToken cancellationToken) =>
            Results.Ok(await lookUp.ExecuteAsync(request.UserIds!, cancellationToken)))
            .WithName("LookupKeys")
            .Validates<LookupKeysRequest>()
            .Produces<IReadOnlyList<PublicKeyView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        keys.MapGet("/users/{userId:guid}/keys", async (Guid userId, ListKeyHistory history, CancellationToken cancellationToken) =>
            Results.Ok(await history.ExecuteAsync(userId, cancellationToken)))
            .WithName("ListUserKeys")
            .Produces<IReadOnlyList<PublicKeyView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        keys.MapPut("/keys/backup", async (KeyBackupRequest request, StoreKeyBackup store, HttpContext context, CancellationToken cancellationToken) =>
            (await store.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(),
                KeyBackup.Parse(request.KeyId!, request.Salt!, request.Iterations!.Value, request.Iv!, request.Ciphertext!), context.Client(), cancellationToken))
            .ToResult(context, _ => Results.NoContent()))
            .WithName("StoreKeyBackup")
            .Validates<KeyBackupRequest>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        keys.MapGet("/keys/backup", async (GetKeyBackup get, HttpContext context, CancellationToken cancellationToken) =>
            (await get.ExecuteAsync(context.User.GetUserId(), context.User.GetSessionId(), context.Client(), cancellationToken))
            .ToResult(context, Results.Ok))
            .WithName("GetKeyBackup")
            .Produces<KeyBackupView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }
}
