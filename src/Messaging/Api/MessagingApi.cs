using ChatApp.BuildingBlocks.Api;
using ChatApp.Messaging.Api.Hub;
using FluentValidation;

namespace ChatApp.Messaging.Api;

public static class MessagingApi
{
    /// <summary>The chat hub and its backplane, the validators of the requests, and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddMessagingApi(this IHostApplicationBuilder builder)
    {
        builder.AddChatRealtime();
        builder.Services.AddSingleton<IValidator<NewMessageRequest>, NewMessageRequestValidator>();
        builder.Services.AddSingleton<IValidator<EditMessageRequest>, EditMessageRequestValidator>();
        builder.Services.AddSingleton<IValidator<ReceiptRequest>, ReceiptRequestValidator>();
        builder.Services.AddSingleton<IValidator<SyncRequest>, SyncRequestValidator>();
        builder.Services.AddSingleton<IValidator<CreateGroupRequest>, CreateGroupRequestValidator>();
        builder.Services.AddSingleton<IValidator<RenameGroupRequest>, RenameGroupRequestValidator>();
        builder.Services.AddSingleton<IValidator<AddMembersRequest>, AddMembersRequestValidator>();
        builder.Services.AddSingleton<IValidator<ChangeRoleRequest>, ChangeRoleRequestValidator>();
        builder.Services.AddSingleton<IValidator<HandOverRequest>, HandOverRequestValidator>();
        builder.Services.AddSingleton<IValidator<LeaveGroupRequest>, LeaveGroupRequestValidator>();
        builder.Services.AddServiceOpenApi("/api/messaging");
        return builder;
    }
}
