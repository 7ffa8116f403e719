using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.AspNetCore.Http.Connections;
using ChatApp.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// Chat as two people meet it in the whole system: accounts from Identity (known to Messaging
/// through UserRegistered), tokens from the emailed sign-in codes, the hub reached through the
/// gateway, and the ticks turning.
/// </summary>
public sealed class ChatThroughGatewayTests(WholeSystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_people_signed_in_through_Identity_chat_through_the_gateway_and_see_delivered_and_read()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");
        using var inbox = system.App.CreateHttpClient("smtp4dev", "http");
        var (aliceId, aliceToken) = await SystemUsers.SignedInAsync(gateway, inbox, "Alice");
        var (bobId, bobToken) = await SystemUsers.SignedInAsync(gateway, inbox, "Bob");

        await using var alice = await SystemUsers.ConnectToChatAsync(gateway.BaseAddress!, aliceToken);
        await using var bob = await SystemUsers.ConnectToChatAsync(gateway.BaseAddress!, bobToken);
        var bobReceived = new ConcurrentQueue<JsonElement>();
        var aliceReceipts = new ConcurrentQueue<JsonElement>();
        bob.On<JsonElement>("MessageReceived", bobReceived.Enqueue);
        alice.On<JsonElement>("ReceiptsChanged", aliceReceipts.Enqueue);

        // Messaging learns of Bob from Identity's UserRegistered; until then he is unknown (404), and the
        // retry with the same client message id can never store the message twice.
        var clientMessageId = Guid.NewGuid();
        // An envelope of version 1 for the two of them, as Messaging requires (random bytes for keys and ciphertext).
        var body = TestEnvelope.Build(aliceId, [aliceId, bobId], "e2e-envelope");
        JsonElement sent = default;
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                sent = await alice.InvokeAsync<JsonElement>("SendDirectMessage", bobId, new { clientMessageId, body });
                return true;
            }
            catch (HubException ex) when (ex.Message.Contains("not-found:", StringComparison.Ordinal))
            {
                return false;
            }
        }, Patience, () => "Messaging did not learn of Bob.");
        var conversationId = sent.GetProperty("conversationId").GetGuid();
        Assert.Equal(1, sent.GetProperty("sequence").GetInt64());

        await Eventually.HoldsAsync(() => bobReceived.Any(m => m.GetProperty("clientMessageId").GetGuid() == clientMessageId),
            Patience, () => "The message did not reach Bob.");
        Assert.Equal(body, bobReceived.First(m => m.GetProperty("clientMessageId").GetGuid() == clientMessageId).GetProperty("body").GetString());
        await bob.InvokeAsync<JsonElement>("UpdateReceipts", conversationId, new { deliveredSequence = 1, readSequence = 1 });
        await Eventually.HoldsAsync(() => aliceReceipts.Any(r => r.GetProperty("userId").GetGuid() == bobId && r.GetProperty("readSequence").GetInt64() == 1),
            Patience, () => "Bob's read receipt did not reach Alice.");

        // The same conversation over REST through the gateway, with Bob's name from the projection.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/messaging/conversations/{conversationId}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", aliceToken);
        var detail = JsonDocument.Parse(await (await gateway.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement;
        var members = detail.GetProperty("members").EnumerateArray().ToList();
        Assert.Contains(members, m => m.GetProperty("userId").GetGuid() == bobId && m.GetProperty("displayName").GetString() == "Bob");
        Assert.Contains(members, m => m.GetProperty("userId").GetGuid() == aliceId && m.GetProperty("readSequence").GetInt64() == 1);
    }
}
