using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Realtime;
using ChatApp.Messaging.Application.Groups;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Sessions;
using ChatApp.Messaging.Infrastructure;
using ChatApp.Messaging.Infrastructure.Presence;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Messaging.Api.Hub;

/// <summary>
/// The real-time side of messaging at <c>/hubs/chat</c>. Each method calls the same use case as
/// its REST endpoint, with the same request type; failures are <see cref="HubException"/>s that
/// carry a stable code (<see cref="HubErrors"/>). The connection closes when its access token
/// expires (the client reconnects with a fresh one and syncs), and when the token's session ends
/// (signed out, ended elsewhere): the client is told <see cref="IChatClient.SessionEnded"/> first,
/// and a token of an ended session opens no connection again.
/// </summary>
[Authorize]
public sealed partial class ChatHub(PresenceTracker presence, LocalConnections connections, IEndedSessions endedSessions, ILogger<ChatHub> logger) : Hub<IChatClient>
{
    // Marks a connection refused because its session had ended: it never counted as connected.
    private const string RefusedKey = "chatapp.session-ended";

    private Guid Me => Context.User!.GetUserId();

    public override async Task OnConnectedAsync()
    {
        var sessionId = Context.User!.GetSessionId();
        // Known here before the check below: a session ending meanwhile finds this connection, or
        // the check finds the session ended.
        connections.Add(Context.ConnectionId, Me, sessionId, Context.Abort);
        bool ended;
        try
        {
            ended = await endedSessions.HasEndedAsync(sessionId, Context.ConnectionAborted);
        }
        catch
        {
            // The connection is refused; OnDisconnectedAsync does not run for it.
            connections.Remove(Context.ConnectionId);
            throw;
        }

        if (ended)
        {
            // A device that was away when its session ended, or one reconnecting with the token it still holds.
            Context.Items[RefusedKey] = true;
            connections.Remove(Context.ConnectionId);
            await Clients.Caller.SessionEnded(new SessionEndedView(sessionId));
            Context.Abort();
            return;
        }

        var admitted = true;
        await PresenceAsync(async () => admitted = await presence.ConnectedAsync(Me, Context.ConnectionId));
        if (!admitted)
        {
            // Thrown, the connection closes with this message and without reconnecting; OnDisconnectedAsync does not run for it.
            connections.Remove(Context.ConnectionId);
            throw new HubException("too-many-connections: This account holds as many open connections as allowed; close a tab or device and try again.");
        }

        MessagingMetrics.Connections.Add(1);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        if (Context.Items.ContainsKey(RefusedKey))
            return;
        MessagingMetrics.Connections.Add(-1);
        await PresenceAsync(() => presence.DisconnectedAsync(Me, Context.ConnectionId));
    }

    public async Task<MessageView> SendMessage(Guid conversationId, NewMessageRequest message, SendMessage send, IValidator<NewMessageRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(message);
        return (await send.ExecuteAsync(Me, conversationId, message.ToMessage(Context.ConnectionId), Context.ConnectionAborted)).OrThrow();
    }

    public async Task<MessageView> SendDirectMessage(Guid recipientId, NewMessageRequest message, SendDirectMessage send, IValidator<NewMessageRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(message);
        return (await send.ExecuteAsync(Me, recipientId, message.ToMessage(Context.ConnectionId), Context.ConnectionAborted)).OrThrow();
    }

    public async Task<MessageView> EditMessage(Guid conversationId, long sequence, EditMessageRequest edit, EditMessage editMessage, IValidator<EditMessageRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(edit);
        return (await editMessage.ExecuteAsync(Me, conversationId, sequence, edit.Body!, Context.ConnectionAborted)).OrThrow();
    }

    public async Task<MessageView> DeleteMessage(Guid conversationId, long sequence, DeleteMessage delete) =>
        (await delete.ExecuteAsync(Me, conversationId, sequence, Context.ConnectionAborted)).OrThrow();

    public async Task<MemberReceipts> UpdateReceipts(Guid conversationId, ReceiptRequest receipt, RecordReceipt record, IValidator<ReceiptRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(receipt);
        return (await record.ExecuteAsync(Me, conversationId, receipt.DeliveredSequence, receipt.ReadSequence, Context.ConnectionAborted)).OrThrow();
    }

    public async Task<SyncResult> Sync(SyncRequest request, SyncConversations sync, IValidator<SyncRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(request);
        return await sync.ExecuteAsync(Me, request.Conversations!, Context.ConnectionAborted);
    }

    public async Task<MessagePage> GetHistory(Guid conversationId, long? before, long? after, int limit, GetHistory history) =>
        (await history.ExecuteAsync(Me, conversationId, before, after, limit, Context.ConnectionAborted)).OrThrow();

    public async Task<ConversationDetail> CreateGroup(CreateGroupRequest request, CreateGroup create, IValidator<CreateGroupRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(request);
        return (await create.ExecuteAsync(Me, request.Name!, request.MemberIds!, Context.ConnectionAborted)).OrThrow();
    }

    public async Task<TypingView> Typing(Guid conversationId, AnnounceTyping typing) =>
        (await typing.ExecuteAsync(Me, conversationId, Context.ConnectionAborted)).OrThrow();

    /// <summary>Starts pushing presence changes to this connection; answers with everyone online now.</summary>
    public async Task<IReadOnlyList<PresenceView>> WatchPresence(GetOnlineUsers online)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, SignalRChatBroadcast.PresenceWatchers, Context.ConnectionAborted);
        return await online.ExecuteAsync(Context.ConnectionAborted);
    }

    public Task UnwatchPresence() =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, SignalRChatBroadcast.PresenceWatchers, Context.ConnectionAborted);

    /// <summary>
    /// Presence is a courtesy: with its store away, connections and messages still work, and the
    /// heartbeat puts this connection back once the store returns.
    /// </summary>
    private async Task PresenceAsync(Func<Task> update)
    {
        try
        {
            await update();
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException or MySqlConnector.MySqlException)
        {
            LogPresenceFailed(logger, ex, Context.ConnectionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence of connection {ConnectionId} could not be recorded; the heartbeat repairs it")]
    private static partial void LogPresenceFailed(ILogger logger, Exception exception, string connectionId);
}
