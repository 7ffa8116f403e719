using System.Net.Http.Json;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>The REST calls tests make as a user, each on a client of its own; the happy path asserts success.</summary>
internal static class RestCalls
{
    /// <summary><paramref name="method"/> <paramref name="path"/> with <paramref name="body"/> as JSON (or as it is, when it is already content).</summary>
    public static async Task<HttpResponseMessage> CallAsync(this HttpClient http, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        return await http.SendAsync(request);
    }

    /// <summary>Makes <paramref name="method"/> <paramref name="path"/> as <paramref name="user"/>.</summary>
    public static async Task<HttpResponseMessage> CallAsync(this TestUser user, HttpMethod method, string path, object? body = null)
    {
        using var http = user.Http();
        return await http.CallAsync(method, path, body);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static async Task<ConversationDetail> CreateGroupAsync(this TestUser owner, string name, params TestUser[] members) =>
        await (await owner.CallAsync(HttpMethod.Post, "/groups", new { name, memberIds = members.Select(member => member.Id) }))
            .ReadAsync<ConversationDetail>();

    /// <summary>Sends <paramref name="text"/> in an envelope for the conversation's members now (<see cref="Envelopes"/>).</summary>
    public static async Task<MessageView> SendAsync(this TestUser sender, Guid conversationId, string text, Guid? clientMessageId = null, long? replyToSequence = null) =>
        await sender.SendBodyAsync(conversationId, await sender.Fixture.ForConversationAsync(sender.Id, conversationId, text), clientMessageId, replyToSequence);

    /// <summary>Sends <paramref name="body"/> as it is.</summary>
    public static async Task<MessageView> SendBodyAsync(this TestUser sender, Guid conversationId, string body, Guid? clientMessageId = null, long? replyToSequence = null) =>
        await (await sender.CallAsync(HttpMethod.Post, $"/conversations/{conversationId}/messages",
            new { clientMessageId = clientMessageId ?? Guid.NewGuid(), body, replyToSequence })).ReadAsync<MessageView>();

    /// <summary>Sends <paramref name="text"/> in an envelope for the two of them.</summary>
    public static Task<MessageView> SendDirectAsync(this TestUser sender, TestUser recipient, string text) =>
        sender.SendDirectBodyAsync(recipient, Envelopes.Direct(sender.Id, recipient.Id, text));

    public static async Task<MessageView> SendDirectBodyAsync(this TestUser sender, TestUser recipient, string body) =>
        await (await sender.CallAsync(HttpMethod.Post, $"/direct/{recipient.Id}/messages",
            new { clientMessageId = Guid.NewGuid(), body })).ReadAsync<MessageView>();

    /// <summary>Replaces a message's envelope with one of <paramref name="text"/> for the conversation's members now.</summary>
    public static async Task<MessageView> EditAsync(this TestUser sender, Guid conversationId, long sequence, string text) =>
        await (await sender.CallAsync(HttpMethod.Put, $"/conversations/{conversationId}/messages/{sequence}",
            new { body = await sender.Fixture.ForConversationAsync(sender.Id, conversationId, text) })).ReadAsync<MessageView>();

    public static async Task<MessagePage> HistoryAsync(this TestUser user, Guid conversationId, string query = "") =>
        await (await user.CallAsync(HttpMethod.Get, $"/conversations/{conversationId}/messages{query}")).ReadAsync<MessagePage>();

    public static async Task<ConversationDetail> ConversationAsync(this TestUser user, Guid conversationId) =>
        await (await user.CallAsync(HttpMethod.Get, $"/conversations/{conversationId}")).ReadAsync<ConversationDetail>();

    public static async Task<ConversationPage> ConversationListAsync(this TestUser user, string query = "") =>
        await (await user.CallAsync(HttpMethod.Get, $"/conversations{query}")).ReadAsync<ConversationPage>();

    public static async Task<ConversationDetail> AddMembersAsync(this TestUser user, Guid conversationId, params TestUser[] members) =>
        await (await user.CallAsync(HttpMethod.Post, $"/groups/{conversationId}/members", new { userIds = members.Select(member => member.Id) }))
            .ReadAsync<ConversationDetail>();

    public static async Task<ConversationDetail> ChangeRoleAsync(this TestUser user, Guid conversationId, TestUser member, string role) =>
        await (await user.CallAsync(HttpMethod.Put, $"/groups/{conversationId}/members/{member.Id}/role", new { role }))
            .ReadAsync<ConversationDetail>();
}
