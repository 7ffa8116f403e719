using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Digests;
using ChatApp.Messaging.Application.Groups;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Receipts;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Messaging.Application;

public static class MessagingUseCases
{
    /// <summary>
    /// Every use case behind the hub and the REST endpoints, with the two write batchers they share;
    /// their stores, broadcast and presence store come from Infrastructure and Api, which also runs the batchers.
    /// </summary>
    public static IServiceCollection AddMessagingUseCases(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section)
            .Validate(options => options.MaxBodyBytes > 0 && options.MaxGroupMembers >= 2 && options.MaxPageSize > 0,
                "Messaging:MaxBodyBytes, MaxGroupMembers (at least 2) and MaxPageSize must be positive.")
            .Validate(options => options.WriteQueue.IsValid, "Messaging:WriteQueue:Capacity must be at least 1 and MaxWait not negative.")
            .Validate(options => options.RateLimits.IsValid, "Each bucket of Messaging:RateLimits needs a Burst of at least 1 and a positive PerSecond.")
            .ValidateOnStart();
        services.AddSingleton<MessageWriter>();
        services.AddSingleton<SendMessage>();
        services.AddSingleton<SendDirectMessage>();
        services.AddSingleton<OwnMessageChange>();
        services.AddSingleton<EditMessage>();
        services.AddSingleton<DeleteMessage>();
        services.AddSingleton<GetHistory>();
        services.AddSingleton<SyncConversations>();
        services.AddSingleton<ReceiptWriter>();
        services.AddSingleton<RecordReceipt>();
        services.AddSingleton<GetMessageReceipts>();
        services.AddSingleton<ListConversations>();
        services.AddSingleton<GetConversation>();
        services.AddSingleton<GroupAdministration>();
        services.AddSingleton<CreateGroup>();
        services.AddSingleton<RenameGroup>();
        services.AddSingleton<AddMembers>();
        services.AddSingleton<RemoveMember>();
        services.AddSingleton<LeaveGroup>();
        services.AddSingleton<ChangeMemberRole>();
        services.AddSingleton<HandOverGroup>();
        services.AddSingleton<DeleteGroup>();
        services.AddSingleton<AnnounceTyping>();
        services.AddSingleton<GetOnlineUsers>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<CollectUnreadDigests>();
        return services;
    }
}
