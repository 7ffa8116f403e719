using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Api.Endpoints;

public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        // Sends and edits carry an envelope, which may be larger than the default body limit.
        var messageRequestBytes = app.ServiceProvider.GetRequiredService<IOptions<MessagingOptions>>().Value.MaxMessageRequestBytes;
        var messages = app.MapGroup("/conversations/{conversationId:guid}").RequireAuthorization().WithTags("Messages");

        messages.MapGet("/messages", async (Guid conversationId, long? before, long? after, int? limit, GetHistory history, HttpContext context, CancellationToken cancellationToken) =>
            (await history.ExecuteAsync(context.User.GetUserId(), conversationId, before, after, limit ?? 50, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("GetHistory")
            .Produces<MessagePage>();

        messages.MapPost("/messages", async (Guid conversationId, NewMessageRequest request, SendMessage send, HttpContext context, CancellationToken cancellationToken) =>
            (await send.ExecuteAsync(context.User.GetUserId(), conversationId, request.ToMessage(), cancellationToken)).ToResult(context, Results.Ok))
            .WithName("SendMessage")
            .WithRequestBodyLimit(messageRequestBytes)
            .Validates<NewMessageRequest>()
            .Produces<MessageView>();

        messages.MapPut("/messages/{sequence:long}", async (Guid conversationId, long sequence, EditMessageRequest request, EditMessage edit, HttpContext context, CancellationToken cancellationToken) =>
            (await edit.ExecuteAsync(context.User.GetUserId(), conversationId, sequence, request.Body!, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("EditMessage")
            .WithRequestBodyLimit(messageRequestBytes)
            .Validates<EditMessageRequest>()
            .Produces<MessageView>();

        messages.MapDelete("/messages/{sequence:long}", async (Guid conversationId, long sequence, DeleteMessage delete, HttpContext context, CancellationToken cancellationToken) =>
            (await delete.ExecuteAsync(context.User.GetUserId(), conversationId, sequence, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("DeleteMessage")
            .Produces<MessageView>();

        messages.MapGet("/messages/{sequence:long}/receipts", async (Guid conversationId, long sequence, GetMessageReceipts receipts, HttpContext context, CancellationToken cancellationToken) =>
            (await receipts.ExecuteAsync(context.User.GetUserId(), conversationId, sequence, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("GetMessageReceipts")
            .Produces<MessageReceipts>();

        messages.MapPost("/receipts", async (Guid conversationId, ReceiptRequest request, RecordReceipt record, HttpContext context, CancellationToken cancellationToken) =>
            (await record.ExecuteAsync(context.User.GetUserId(), conversationId, request.DeliveredSequence, request.ReadSequence, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("RecordReceipt")
            .Validates<ReceiptRequest>()
            .Produces<MemberReceipts>();

        app.MapPost("/direct/{userId:guid}/messages", async (Guid userId, NewMessageRequest request, SendDirectMessage send, HttpContext context, CancellationToken cancellationToken) =>
            (await send.ExecuteAsync(context.User.GetUserId(), userId, request.ToMessage(), cancellationToken)).ToResult(context, Results.Ok))
            .RequireAuthorization().WithTags("Messages")
            .WithName("SendDirectMessage")
            .WithRequestBodyLimit(messageRequestBytes)
            .Validates<NewMessageRequest>()
            .Produces<MessageView>();
        return app;
    }
}
