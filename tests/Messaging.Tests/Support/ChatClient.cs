using System.Collections.Concurrent;
using ChatApp.Messaging.Api;
using ChatApp.Messaging.Api.Hub;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>
/// One device connected to the real hub over WebSockets, recording everything the server pushes
/// to it, with the hub methods a client calls.
/// </summary>
public sealed class ChatClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private ChatClient(HubConnection connection, TestUser user)
    {
        Connection = connection;
        User = user;
        connection.On<MessageView>(nameof(IChatClient.MessageReceived), Received.Enqueue);
        connection.On<MessageView>(nameof(IChatClient.MessageChanged), Changed.Enqueue);
        connection.On<MemberReceipts>(nameof(IChatClient.ReceiptsChanged), Receipts.Enqueue);
        connection.On<TypingView>(nameof(IChatClient.Typing), Typing.Enqueue);
        connection.On<ConversationDetail>(nameof(IChatClient.ConversationChanged), Conversations.Enqueue);
        connection.On<ConversationRemoved>(nameof(IChatClient.ConversationRemoved), Removed.Enqueue);
        connection.On<PresenceView>(nameof(IChatClient.PresenceChanged), Presence.Enqueue);
        connection.On<SessionEndedView>(nameof(IChatClient.SessionEnded), SessionsEnded.Enqueue);
    }

    public HubConnection Connection { get; }

    public TestUser User { get; }

    public ConcurrentQueue<MessageView> Received { get; } = new();

    public ConcurrentQueue<MessageView> Changed { get; } = new();

    public ConcurrentQueue<MemberReceipts> Receipts { get; } = new();

    public ConcurrentQueue<TypingView> Typing { get; } = new();

    public ConcurrentQueue<ConversationDetail> Conversations { get; } = new();

    public ConcurrentQueue<ConversationRemoved> Removed { get; } = new();

    public ConcurrentQueue<PresenceView> Presence { get; } = new();

    public ConcurrentQueue<SessionEndedView> SessionsEnded { get; } = new();

    public static async Task<ChatClient> ConnectAsync(TestUser user, MessagingReplica replica, string? token = null, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions>? configure = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(replica.HubAddress, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token ?? user.Fixture.Tokens.Issue(user.Id, user.Username));
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                configure?.Invoke(options);
            })
            .Build();
        var client = new ChatClient(connection, user);
        await connection.StartAsync();
        // StartAsync returns at the handshake, before the server has subscribed the connection to
        // its user's pushes through Redis (and before OnConnectedAsync ran): a push sent at once
        // could miss it. A round trip is answered only once both are done.
        try
        {
            await connection.InvokeAsync("UnwatchPresence");
        }
        catch (Exception) when (connection.State != HubConnectionState.Connected)
        {
            // The server refused the connection after the handshake (an ended session): the caller looks at what it heard.
        }
        return client;
    }

    /// <summary>Sends <paramref name="text"/> in an envelope for the conversation's members now (<see cref="Envelopes"/>).</summary>
    public async Task<MessageView> SendAsync(Guid conversationId, string text, Guid? clientMessageId = null, long? replyTo = null) =>
        await SendBodyAsync(conversationId, await User.Fixture.ForConversationAsync(User.Id, conversationId, text), clientMessageId, replyTo);

    /// <summary>Sends <paramref name="body"/> as it is.</summary>
    public Task<MessageView> SendBodyAsync(Guid conversationId, string? body, Guid? clientMessageId = null, long? replyTo = null) =>
        Connection.InvokeAsync<MessageView>("SendMessage", conversationId, new NewMessageRequest(clientMessageId ?? Guid.NewGuid(), body, replyTo));

    /// <summary>Sends <paramref name="text"/> in an envelope for the two of us.</summary>
    public Task<MessageView> SendDirectAsync(Guid recipientId, string text, Guid? clientMessageId = null) =>
        SendDirectBodyAsync(recipientId, Envelopes.Direct(User.Id, recipientId, text), clientMessageId);

    public Task<MessageView> SendDirectBodyAsync(Guid recipientId, string? body, Guid? clientMessageId = null) =>
        Connection.InvokeAsync<MessageView>("SendDirectMessage", recipientId, new NewMessageRequest(clientMessageId ?? Guid.NewGuid(), body, null));

    /// <summary>Replaces a message's envelope with one of <paramref name="text"/> for the conversation's members now.</summary>
    public async Task<MessageView> EditAsync(Guid conversationId, long sequence, string text) =>
        await EditBodyAsync(conversationId, sequence, await User.Fixture.ForConversationAsync(User.Id, conversationId, text));

    public Task<MessageView> EditBodyAsync(Guid conversationId, long sequence, string? body) =>
        Connection.InvokeAsync<MessageView>("EditMessage", conversationId, sequence, new EditMessageRequest(body));

    public Task<MessageView> DeleteAsync(Guid conversationId, long sequence) =>
        Connection.InvokeAsync<MessageView>("DeleteMessage", conversationId, sequence);

    public Task<MessagePage> HistoryAsync(Guid conversationId, long? before = null, long? after = null, int limit = 50) =>
        Connection.InvokeAsync<MessagePage>("GetHistory", conversationId, before, after, limit);

    public Task<TypingView> TypingAsync(Guid conversationId) =>
        Connection.InvokeAsync<TypingView>("Typing", conversationId);

    public Task<MemberReceipts> MarkDeliveredAsync(Guid conversationId, long sequence) =>
        Connection.InvokeAsync<MemberReceipts>("UpdateReceipts", conversationId, new ReceiptRequest(sequence, null));

    public Task<MemberReceipts> MarkReadAsync(Guid conversationId, long sequence) =>
        Connection.InvokeAsync<MemberReceipts>("UpdateReceipts", conversationId, new ReceiptRequest(null, sequence));

    public Task<SyncResult> SyncAsync(params SyncCursor[] cursors) =>
        Connection.InvokeAsync<SyncResult>("Sync", new SyncRequest(cursors));

    public Task<ConversationDetail> CreateGroupAsync(string name, params TestUser[] members) =>
        Connection.InvokeAsync<ConversationDetail>("CreateGroup", new CreateGroupRequest(name, [.. members.Select(member => member.Id)]));

    public Task<IReadOnlyList<PresenceView>> WatchPresenceAsync() =>
        Connection.InvokeAsync<IReadOnlyList<PresenceView>>("WatchPresence");

    /// <summary>The first pushed item of <paramref name="queue"/> that matches, waiting for it.</summary>
    public static async Task<T> WaitForAsync<T>(ConcurrentQueue<T> queue, Func<T, bool> matches, string what)
    {
        T? found = default;
        await Eventually.HoldsAsync(() =>
        {
            found = queue.FirstOrDefault(matches);
            return found is not null;
        }, Patience, () => $"No {what} arrived.");
        return found!;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
