using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using ChatApp.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Messaging.Api.Endpoints;

public static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/conversations").RequireSignedIn().WithTags("Conversations");

        conversations.MapGet("/", async Task<Results<Ok<ConversationPage>, ProblemHttpResult>> (string? cursor, int? limit, ListConversations list, HttpContext context, CancellationToken cancellationToken) =>
                (await list.ExecuteAsync(context.User.GetUserId(), cursor, limit ?? 50, cancellationToken)).OkOrProblem(context))
            .WithName("ListConversations")
            .WithSummary("My conversations, most recently active first, with unread counts; pass the page's next as cursor for the next page.")
            .ProducesValidationProblem();

        conversations.MapGet("/{conversationId:guid}", async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> (Guid conversationId, GetConversation get, HttpContext context, CancellationToken cancellationToken) =>
                (await get.ExecuteAsync(context.User.GetUserId(), conversationId, cancellationToken)).OkOrProblem(context))
            .WithName("GetConversation")
            .WithSummary("One of my conversations with every member, their roles and how far each has received and read.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/sync", async Task<Ok<SyncResult>> (SyncRequest request, SyncConversations sync, HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sync.ExecuteAsync(context.User.GetUserId(), request.Conversations!, cancellationToken)))
            .RequireSignedIn().WithTags("Conversations")
            .WithName("SyncConversations")
            .WithSummary("What changed in each of my conversations since the versions my device has, and the ones I am no longer in.")
            // Up to MaxConversations cursors of about 70 bytes each.
            .WithRequestBodyLimit(SyncRequestValidator.MaxConversations * 96L)
            .Validates<SyncRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }
}
