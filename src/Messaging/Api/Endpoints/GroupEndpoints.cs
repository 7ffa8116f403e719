using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Groups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Messaging.Api.Endpoints;

/// <remarks>
/// Every change to a group answers 404 for a conversation I am not in (or a member who is not in
/// it), 409 for a direct conversation (not a group), and 403 when my role does not allow it.
/// </remarks>
public static class GroupEndpoints
{
    public static IEndpointRouteBuilder MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/groups").RequireSignedIn().WithTags("Groups");

        groups.MapPost("/", async Task<Results<Created<ConversationDetail>, ProblemHttpResult>> (CreateGroupRequest request, CreateGroup create, HttpContext context, CancellationToken cancellationToken) =>
            {
                var created = await create.ExecuteAsync(context.User.GetUserId(), request.Name!, request.MemberIds!, cancellationToken);
                return created.Answer(context, group => TypedResults.Created($"/conversations/{group.Id}", group));
            })
            .WithName("CreateGroup")
            .WithSummary("Starts a group with a name and its first members; I own it.")
            .Validates<CreateGroupRequest>()
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        groups.MapPatch("/{conversationId:guid}", async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> (Guid conversationId, RenameGroupRequest request, RenameGroup rename, HttpContext context, CancellationToken cancellationToken) =>
                (await rename.ExecuteAsync(context.User.GetUserId(), conversationId, request.Name!, cancellationToken)).OkOrProblem(context))
            .WithName("RenameGroup")
            .WithSummary("Gives a group a new name (owner and admins).")
            .Validates<RenameGroupRequest>()
            .ProducesValidationProblem()
            .ProducesGroupChangeProblems()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        groups.MapDelete("/{conversationId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid conversationId, DeleteGroup delete, HttpContext context, CancellationToken cancellationToken) =>
                await delete.ExecuteAsync(context.User.GetUserId(), conversationId, cancellationToken) is { } failure
                    ? failure.ToProblem(context)
                    : TypedResults.NoContent())
            .WithName("DeleteGroup")
            .WithSummary("Ends a group for everyone, its messages included (the owner only).")
            .ProducesGroupChangeProblems();

        groups.MapPost("/{conversationId:guid}/members", async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> (Guid conversationId, AddMembersRequest request, AddMembers add, HttpContext context, CancellationToken cancellationToken) =>
                (await add.ExecuteAsync(context.User.GetUserId(), conversationId, request.UserIds!, cancellationToken)).OkOrProblem(context))
            .WithName("AddMembers")
            .WithSummary("Adds people to a group (owner and admins), up to the size limit; 409 also when it would be too large.")
            .Validates<AddMembersRequest>()
            .ProducesValidationProblem()
            .ProducesGroupChangeProblems()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        groups.MapDelete("/{conversationId:guid}/members/{userId:guid}", async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> (Guid conversationId, Guid userId, RemoveMember remove, HttpContext context, CancellationToken cancellationToken) =>
                (await remove.ExecuteAsync(context.User.GetUserId(), conversationId, userId, cancellationToken)).OkOrProblem(context))
            .WithName("RemoveMember")
            .WithSummary("Takes someone out of a group: the owner anyone, an admin plain members; 400 for myself (leave instead).")
            .ProducesValidationProblem()
            .ProducesGroupChangeProblems();

        groups.MapPut("/{conversationId:guid}/members/{userId:guid}/role", async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> (Guid conversationId, Guid userId, ChangeRoleRequest request, ChangeMemberRole change, HttpContext context, CancellationToken cancellationToken) =>
                (await change.ExecuteAsync(context.User.GetUserId(), conversationId, userId, request.Role!.Value, cancellationToken)).OkOrProblem(context))
            .WithName("ChangeMemberRole")
            .WithSummary("Makes a member an admin, or an admin a member again (the owner only).")
            .Validates<ChangeRoleRequest>()
            .ProducesValidationProblem()
            .ProducesGroupChangeProblems()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        groups.MapPost("/{conversationId:guid}/owner", async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> (Guid conversationId, HandOverRequest request, HandOverGroup handOver, HttpContext context, CancellationToken cancellationToken) =>
                (await handOver.ExecuteAsync(context.User.GetUserId(), conversationId, request.UserId!.Value, cancellationToken)).OkOrProblem(context))
            .WithName("HandOverGroup")
            .WithSummary("The owner makes another member the owner, and stays on as an admin.")
            .Validates<HandOverRequest>()
            .ProducesValidationProblem()
            .ProducesGroupChangeProblems()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        groups.MapPost("/{conversationId:guid}/leave", async Task<Results<NoContent, ProblemHttpResult>> (Guid conversationId, LeaveGroupRequest request, LeaveGroup leave, HttpContext context, CancellationToken cancellationToken) =>
                (await leave.ExecuteAsync(context.User.GetUserId(), conversationId, request.NewOwnerId, cancellationToken)).Failure is { } failure
                    ? failure.ToProblem(context)
                    : TypedResults.NoContent())
            .WithName("LeaveGroup")
            .WithSummary("I leave a group; as its owner I may name who takes over, and the last one out ends it.")
            .Validates<LeaveGroupRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    /// <summary>The refusals every change by a member to a group may answer.</summary>
    private static RouteHandlerBuilder ProducesGroupChangeProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
