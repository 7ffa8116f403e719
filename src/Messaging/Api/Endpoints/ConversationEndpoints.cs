using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using ChatApp.ServiceDefaults;

namespace ChatApp.Messaging.Api.Endpoints;

public static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/conversations").RequireAuthorization().WithTags("Conversations");

        conversations.MapGet("/", async (string? cursor, int? limit, ListConversations list, HttpContext context, CancellationToken cancellationToken) =>
            (await list.ExecuteAsync(context.User.GetUserId(), cursor, limit ?? 50, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("ListConversations")
            .Produces<ConversationPage>();

        conversations.MapGet("/{conversationId:guid}", async (Guid conversationId, GetConversation get, HttpContext context, CancellationToken cancellationToken) =>
            (await get.ExecuteAsync(context.User.GetUserId(), conversationId, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("GetConversation")
            .Produces<ConversationDetail>();

        app.MapPost("/sync", async (SyncRequest request, SyncConversations sync, HttpContext context, CancellationToken cancellationToken) =>
            Results.Ok(await sync.ExecuteAsync(context.User.GetUserId(), request.Conversations!, cancellationToken)))
            .RequireAuthorization().WithTags("Conversations")
            .WithName("SyncConversations")
            // Up to MaxConversations cursors of about 70 bytes each.
            .WithRequestBodyLimit(SyncRequestValidator.MaxConversations * 96L)
            .Validates<SyncRequest>()
            .Produces<SyncResult>();
        return app;
    }
}
