using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Api.Endpoints;

public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        // Sends and edits carry an envelope, which may be larger than the default body limit.
        var messageRequestBytes = app.ServiceProvider.GetRequiredService<IOptions<MessagingOptions>>().Value.MaxMessageRequestBytes;
        var messages = app.MapGroup("/conversations/{conversationId:guid}").RequireSignedIn().WithTags("Messages");

        messages.MapGet("/messages", async Task<Results<Ok<MessagePage>, ProblemHttpResult>> (Guid conversationId, long? before, long? after, int? limit, GetHistory history, HttpContext context, CancellationToken cancellationToken) =>
                (await history.ExecuteAsync(context.User.GetUserId(), conversationId, before, after, limit ?? 50, cancellationToken)).OkOrProblem(context))
            .WithName("GetHistory")
            .WithSummary("A page of a conversation's history: backwards from before (the latest when absent) or forwards from after.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        messages.MapPost("/messages", async Task<Results<Ok<MessageView>, ProblemHttpResult>> (Guid conversationId, NewMessageRequest request, SendMessage send, HttpContext context, CancellationToken cancellationToken) =>
                (await send.ExecuteAsync(context.User.GetUserId(), conversationId, request.ToMessage(), cancellationToken)).OkOrProblem(context))
            .WithName("SendMessage")
            .WithSummary("Sends a message to a conversation I am in; a retry with the same clientMessageId returns the message stored first.")
            .WithRequestBodyLimit(messageRequestBytes)
            .Validates<NewMessageRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        messages.MapPut("/messages/{sequence:long}", async Task<Results<Ok<MessageView>, ProblemHttpResult>> (Guid conversationId, long sequence, EditMessageRequest request, EditMessage edit, HttpContext context, CancellationToken cancellationToken) =>
                (await edit.ExecuteAsync(context.User.GetUserId(), conversationId, sequence, request.Body!, cancellationToken)).OkOrProblem(context))
            .WithName("EditMessage")
            .WithSummary("Replaces the envelope of a message I sent; members see it marked as edited.")
            .WithRequestBodyLimit(messageRequestBytes)
            .Validates<EditMessageRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        messages.MapDelete("/messages/{sequence:long}", async Task<Results<Ok<MessageView>, ProblemHttpResult>> (Guid conversationId, long sequence, DeleteMessage delete, HttpContext context, CancellationToken cancellationToken) =>
                (await delete.ExecuteAsync(context.User.GetUserId(), conversationId, sequence, cancellationToken)).OkOrProblem(context))
            .WithName("DeleteMessage")
            .WithSummary("Deletes a message I sent, for everyone; a tombstone keeps its place, and the answer is that tombstone.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        messages.MapGet("/messages/{sequence:long}/receipts", async Task<Results<Ok<MessageReceipts>, ProblemHttpResult>> (Guid conversationId, long sequence, GetMessageReceipts receipts, HttpContext context, CancellationToken cancellationToken) =>
                (await receipts.ExecuteAsync(context.User.GetUserId(), conversationId, sequence, cancellationToken)).OkOrProblem(context))
            .WithName("GetMessageReceipts")
            .WithSummary("Who of the other members has received and read one message.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        messages.MapPost("/receipts", async Task<Results<Ok<MemberReceipts>, ProblemHttpResult>> (Guid conversationId, ReceiptRequest request, RecordReceipt record, HttpContext context, CancellationToken cancellationToken) =>
                (await record.ExecuteAsync(context.User.GetUserId(), conversationId, request.DeliveredSequence, request.ReadSequence, cancellationToken)).OkOrProblem(context))
            .WithName("RecordReceipt")
            .WithSummary("My device has received and/or shown me the conversation up to a sequence number; answers my pointers now.")
            .Validates<ReceiptRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapPost("/direct/{userId:guid}/messages", async Task<Results<Ok<MessageView>, ProblemHttpResult>> (Guid userId, NewMessageRequest request, SendDirectMessage send, HttpContext context, CancellationToken cancellationToken) =>
                (await send.ExecuteAsync(context.User.GetUserId(), userId, request.ToMessage(), cancellationToken)).OkOrProblem(context))
            .RequireSignedIn().WithTags("Messages")
            .WithName("SendDirectMessage")
            .WithSummary("Sends a message to someone directly; the first message of the two makes their conversation.")
            .WithRequestBodyLimit(messageRequestBytes)
            .Validates<NewMessageRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }
}
