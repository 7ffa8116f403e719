using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using ChatApp.Testing;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// Through the gateway's public port, as the AppHost runs it, each client is known by its own
/// address (the one Identity records and counts attempts by), and no client chooses its address
/// by sending X-Forwarded-For. Two clients come from two loopback addresses (127.0.0.0/8 is all
/// this machine's on Linux), each bound by the client before it connects.
/// </summary>
public sealed class ClientAddressTests(WholeSystemFixture system)
{
    [Fact]
    public async Task Each_client_reaches_Identity_with_its_own_address_whatever_X_Forwarded_For_it_sends()
    {
        using var inbox = system.App.CreateHttpClient("smtp4dev", "http");
        var first = LoopbackClients.RandomAddress();
        var second = LoopbackClients.RandomAddress();
        using var fromFirst = LoopbackClients.From(first, system.GatewayAddress);
        using var fromSecond = LoopbackClients.From(second, system.GatewayAddress);
        // The second client claims to be someone else, and then to be the first client.
        fromSecond.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.77, {first}");

        var (_, firstToken, _) = await SystemUsers.SignedInWithEmailAsync(fromFirst, inbox, "First Address");
        var (_, secondToken, _) = await SystemUsers.SignedInWithEmailAsync(fromSecond, inbox, "Second Address");

        Assert.Equal(first.ToString(), await CurrentSessionAddressAsync(fromFirst, firstToken));
        Assert.Equal(second.ToString(), await CurrentSessionAddressAsync(fromSecond, secondToken));
    }

    /// <summary>The address Identity recorded for the session <paramref name="token"/> belongs to.</summary>
    private static async Task<string> CurrentSessionAddressAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/identity/sessions", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessions = await response.Content.ReadFromJsonAsync<JsonElement>();
        return sessions.EnumerateArray().Single(session => session.GetProperty("isCurrent").GetBoolean()).GetProperty("clientAddress").GetString()!;
    }
}
