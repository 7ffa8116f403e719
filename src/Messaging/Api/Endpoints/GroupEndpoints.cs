using ChatApp.BuildingBlocks.Api;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Groups;

namespace ChatApp.Messaging.Api.Endpoints;

public static class GroupEndpoints
{
    public static IEndpointRouteBuilder MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/groups").RequireAuthorization().WithTags("Groups");

        groups.MapPost("/", async (CreateGroupRequest request, CreateGroup create, HttpContext context, CancellationToken cancellationToken) =>
            (await create.ExecuteAsync(context.User.GetUserId(), request.Name!, request.MemberIds!, cancellationToken))
            .ToResult(context, group => Results.Created($"/conversations/{group.Id}", group)))
            .WithName("CreateGroup")
            .Validates<CreateGroupRequest>()
            .Produces<ConversationDetail>(StatusCodes.Status201Created);

        groups.MapPatch("/{conversationId:guid}", async (Guid conversationId, RenameGroupRequest request, RenameGroup rename, HttpContext context, CancellationToken cancellationToken) =>
            (await rename.ExecuteAsync(context.User.GetUserId(), conversationId, request.Name!, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("RenameGroup")
            .Validates<RenameGroupRequest>()
            .Produces<ConversationDetail>();

        groups.MapDelete("/{conversationId:guid}", async (Guid conversationId, DeleteGroup delete, HttpContext context, CancellationToken cancellationToken) =>
            await delete.ExecuteAsync(context.User.GetUserId(), conversationId, cancellationToken) is { } failure
                ? failure.ToProblem(context)
                : Results.NoContent())
            .WithName("DeleteGroup")
            .Produces(StatusCodes.Status204NoContent);

        groups.MapPost("/{conversationId:guid}/members", async (Guid conversationId, AddMembersRequest request, AddMembers add, HttpContext context, CancellationToken cancellationToken) =>
            (await add.ExecuteAsync(context.User.GetUserId(), conversationId, request.UserIds!, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("AddMembers")
            .Validates<AddMembersRequest>()
            .Produces<ConversationDetail>();

        groups.MapDelete("/{conversationId:guid}/members/{userId:guid}", async (Guid conversationId, Guid userId, RemoveMember remove, HttpContext context, CancellationToken cancellationToken) =>
            (await remove.ExecuteAsync(context.User.GetUserId(), conversationId, userId, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("RemoveMember")
            .Produces<ConversationDetail>();

        groups.MapPut("/{conversationId:guid}/members/{userId:guid}/role", async (Guid conversationId, Guid userId, ChangeRoleRequest request, ChangeMemberRole change, HttpContext context, CancellationToken cancellationToken) =>
            (await change.ExecuteAsync(context.User.GetUserId(), conversationId, userId, request.Role!.Value, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("ChangeMemberRole")
            .Validates<ChangeRoleRequest>()
            .Produces<ConversationDetail>();

        groups.MapPost("/{conversationId:guid}/owner", async (Guid conversationId, HandOverRequest request, HandOverGroup handOver, HttpContext context, CancellationToken cancellationToken) =>
            (await handOver.ExecuteAsync(context.User.GetUserId(), conversationId, request.UserId!.Value, cancellationToken)).ToResult(context, Results.Ok))
            .WithName("HandOverGroup")
            .Validates<HandOverRequest>()
            .Produces<ConversationDetail>();

        groups.MapPost("/{conversationId:guid}/leave", async (Guid conversationId, LeaveGroupRequest request, LeaveGroup leave, HttpContext context, CancellationToken cancellationToken) =>
            (await leave.ExecuteAsync(context.User.GetUserId(), conversationId, request.NewOwnerId, cancellationToken))
            .ToResult(context, _ => Results.NoContent()))
            .WithName("LeaveGroup")
            .Produces(StatusCodes.Status204NoContent)
            .Validates<LeaveGroupRequest>();
        return app;
    }
}
