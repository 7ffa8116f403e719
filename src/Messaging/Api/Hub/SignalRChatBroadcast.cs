using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Messaging.Api.Hub;

/// <summary>
/// Pushes through the hub to users' connections on every replica (the Redis backplane carries it
/// across). A push that fails (the backplane away) is logged and counted, not retried: the
/// change is committed, and devices catch up with a sync when they reconnect.
/// </summary>
public sealed partial class SignalRChatBroadcast(IHubContext<ChatHub, IChatClient> hub, ChatBackplane backplane, ILogger<SignalRChatBroadcast> logger) : IChatBroadcast
{
    public const string PresenceWatchers = "presence-watchers";

    // The connection a message was sent over has it in the call's answer: every device but that one is pushed it.
    public Task MessageAddedAsync(IReadOnlyCollection<Guid> members, MessageView message, string? answeredConnection) =>
        PushAsync(nameof(IChatClient.MessageReceived), () =>
            backplane.SendUsersExceptAsync(UserIds(members), nameof(IChatClient.MessageReceived), [message], answeredConnection));

    public Task MessageChangedAsync(IReadOnlyCollection<Guid> members, MessageView message) =>
        PushAsync(nameof(IChatClient.MessageChanged), () => To(members).MessageChanged(message));

    public Task ReceiptsChangedAsync(IReadOnlyCollection<Guid> members, MemberReceipts receipts) =>
        PushAsync(nameof(IChatClient.ReceiptsChanged), () => To(members).ReceiptsChanged(receipts));

    public Task TypingAsync(IReadOnlyCollection<Guid> members, TypingView typing) =>
        PushAsync(nameof(IChatClient.Typing), () => To(members).Typing(typing));

    public Task ConversationChangedAsync(IReadOnlyCollection<Guid> members, ConversationDetail conversation) =>
        PushAsync(nameof(IChatClient.ConversationChanged), () => To(members).ConversationChanged(conversation));

    public Task ConversationRemovedAsync(IReadOnlyCollection<Guid> formerMembers, Guid conversationId) =>
        PushAsync(nameof(IChatClient.ConversationRemoved), () => To(formerMembers).ConversationRemoved(new ConversationRemoved(conversationId)));

    public Task PresenceChangedAsync(PresenceView presence) =>
        PushAsync(nameof(IChatClient.PresenceChanged), () => hub.Clients.Group(PresenceWatchers).PresenceChanged(presence));

    private IChatClient To(IReadOnlyCollection<Guid> users) => hub.Clients.Users(UserIds(users));

    private static string[] UserIds(IReadOnlyCollection<Guid> users) => [.. users.Select(id => id.ToString())];

    private async Task PushAsync(string what, Func<Task> push)
    {
        try
        {
            await push();
        }
        // Only the backplane's failures are expected here; anything else is a bug and propagates.
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            MessagingMetrics.PushFailed.Add(1, new KeyValuePair<string, object?>("kind", what));
            LogPushFailed(logger, ex, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {What} to devices failed; they catch up when they sync")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string what);
}
