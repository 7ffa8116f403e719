using ChatApp.Messaging.Api;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>Hub methods a device calls that <see cref="ChatClient"/> has no helper for.</summary>
public static class HubCalls
{
    public static Task<TypingView> AnnounceTypingAsync(this ChatClient client, Guid conversationId) =>
        client.Connection.InvokeAsync<TypingView>("Typing", conversationId);

    public static Task<MessageView> DeleteAsync(this ChatClient client, Guid conversationId, long sequence) =>
        client.Connection.InvokeAsync<MessageView>("DeleteMessage", conversationId, sequence);
}
