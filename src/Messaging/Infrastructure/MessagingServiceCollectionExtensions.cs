using ChatApp.Messaging.Api;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Digests;
using ChatApp.Messaging.Application.Groups;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Infrastructure.Digests;
using ChatApp.Messaging.Infrastructure.Presence;
using FluentValidation;

namespace ChatApp.Messaging.Infrastructure;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The use cases behind the hub and the REST endpoints, and the validators of their requests.</summary>
    public static IHostApplicationBuilder AddMessagingUseCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section)
            .Validate(options => options.MaxBodyBytes > 0 && options.MaxGroupMembers >= 2 && options.MaxPageSize > 0,
                "Messaging:MaxBodyBytes, MaxGroupMembers (at least 2) and MaxPageSize must be positive.")
            .Validate(options => options.WriteQueue.IsValid, "Messaging:WriteQueue:Capacity must be at least 1 and MaxWait not negative.")
            .Validate(options => options.RateLimits.IsValid, "Each bucket of Messaging:RateLimits needs a Burst of at least 1 and a positive PerSecond.")
            .ValidateOnStart();
        var services = builder.Services;
        services.AddSingleton<MessageWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<MessageWriter>());
        services.AddSingleton<SendMessage>();
        services.AddSingleton<SendDirectMessage>();
        services.AddSingleton<OwnMessageChange>();
        services.AddSingleton<EditMessage>();
        services.AddSingleton<DeleteMessage>();
        services.AddSingleton<GetHistory>();
        services.AddSingleton<SyncConversations>();
        services.AddSingleton<ReceiptWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ReceiptWriter>());
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
        services.AddValidatorsFromAssemblyContaining<NewMessageRequestValidator>(ServiceLifetime.Singleton);
        return builder;
    }

    /// <summary>Looks for unread messages of offline members and announces them for digest emails.</summary>
    public static IHostApplicationBuilder AddUnreadDigests(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CollectUnreadDigests>();
        builder.Services.AddSingleton<DigestSignal>();
        builder.Services.AddHostedService<UnreadDigestWorker>();
        return builder;
    }
}
