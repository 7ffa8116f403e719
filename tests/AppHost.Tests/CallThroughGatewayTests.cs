using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using ChatApp.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// A call as two people meet it in the whole system: accounts from Identity (known to Calls
/// through UserRegistered), the call hub through the gateway, and the missed-call email that
/// Notifications sends when Calls publishes CallMissed.
/// </summary>
public sealed class CallThroughGatewayTests(WholeSystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_call_nobody_answers_reaches_the_callee_as_a_missed_call_email_and_in_both_histories()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");
        using var inbox = system.App.CreateHttpClient("smtp4dev", "http");
        var (_, aliceToken, _) = await SystemUsers.SignedInWithEmailAsync(gateway, inbox, "Alice Caller");
        var (bobId, bobToken, bobEmail) = await SystemUsers.SignedInWithEmailAsync(gateway, inbox, "Bob Callee");

        await using var alice = await SystemUsers.ConnectToCallsAsync(gateway.BaseAddress!, aliceToken);
        await using var bob = await SystemUsers.ConnectToCallsAsync(gateway.BaseAddress!, bobToken);
        var bobsRings = new ConcurrentQueue<JsonElement>();
        bob.On<JsonElement>("CallChanged", bobsRings.Enqueue);

        // Calls learns of Bob from Identity's UserRegistered; until then he is unknown (404).
        JsonElement call = default;
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                call = await alice.InvokeAsync<JsonElement>("Invite", new { calleeId = bobId });
                return true;
            }
            catch (HubException ex) when (ex.Message.Contains("not-found:", StringComparison.Ordinal))
            {
                return false;
            }
        }, Patience, () => "Calls did not learn of Bob.");
        var callId = call.GetProperty("id").GetGuid();
        Assert.Equal("ringing", call.GetProperty("state").GetString());
        Assert.Equal("Bob Callee", call.GetProperty("callee").GetProperty("displayName").GetString());

        await Eventually.HoldsAsync(() => bobsRings.Any(change => change.GetProperty("id").GetGuid() == callId && change.GetProperty("state").GetString() == "ringing"),
            Patience, () => "Bob's device did not ring.");
        var email = await SystemUsers.WaitForEmailAsync(inbox, bobEmail, subject => subject == "Missed call from Alice Caller", patience: TimeSpan.FromSeconds(60));
        Assert.Equal("Missed call from Alice Caller", email.Subject);
        Assert.Contains(bobsRings, change => change.GetProperty("id").GetGuid() == callId && change.GetProperty("outcome").GetString() == "missed");

        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bobToken);
        var history = await gateway.GetFromJsonAsync<JsonElement>(new Uri("/api/calls/history", UriKind.Relative));
        var entry = Assert.Single(history.GetProperty("calls").EnumerateArray());
        Assert.Equal(("missed", "incoming", "Alice Caller"),
            (entry.GetProperty("outcome").GetString(), entry.GetProperty("direction").GetString(), entry.GetProperty("otherPerson").GetProperty("displayName").GetString()));
        Assert.Equal(1, (await gateway.GetFromJsonAsync<JsonElement>(new Uri("/api/calls/missed", UriKind.Relative))).GetProperty("unseen").GetInt32());
    }
}
