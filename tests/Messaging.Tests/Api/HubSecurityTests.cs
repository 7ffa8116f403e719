using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// The hub's door: an access token signed by Identity's key (in the query string, as browsers
/// must send it on WebSockets), pages of our own origin only, and a connection that ends with its token.
/// </summary>
public sealed class HubSecurityTests(MessagingFixture fixture)
{
    private const string RecordSeparator = "\u001e";
    private static readonly TimeSpan ClockSkew = new ChatApp.BuildingBlocks.Authentication.TokenOptions().ClockSkew;

    [Fact]
    public async Task Without_a_token_the_hub_refuses_to_negotiate_or_connect()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, (await OpenSocketAsync(token: null)).Status);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_or_for_another_audience_is_refused()
    {
        var mallory = await fixture.CreateUserAsync("Mallory");
        using var stranger = new TestTokenIssuer();
        var forged = stranger.Issue(mallory.Id, mallory.Username);
        var elsewhere = fixture.Tokens.Issue(mallory.Id, mallory.Username, audience: "another-app");

        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, (await OpenSocketAsync(forged)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await OpenSocketAsync(elsewhere)).Status);
        await Assert.ThrowsAnyAsync<Exception>(() => ChatClient.ConnectAsync(mallory, fixture.Primary, forged));
    }

    [Fact]
    public async Task A_token_in_the_query_string_opens_the_hub_but_nothing_else()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var token = fixture.Tokens.Issue(alice.Id, alice.Username);

        var (status, socket) = await OpenSocketAsync(token);
        using (socket)
        {
            Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
            Assert.Equal("{}" + RecordSeparator, await HandshakeAsync(socket!));
        }

        using var http = new HttpClient { BaseAddress = fixture.Primary.Address };
        using var presence = await http.GetAsync(new Uri($"/presence?access_token={token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, presence.StatusCode);
    }

    [Fact]
    public async Task A_page_of_another_site_cannot_open_the_hub_one_of_ours_can()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var token = fixture.Tokens.Issue(alice.Id, alice.Username);

        Assert.Equal(HttpStatusCode.Forbidden, (await OpenSocketAsync(token, origin: "http://evil.example")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(token, origin: "http://evil.example"));
        await Assert.ThrowsAnyAsync<Exception>(() =>
            ChatClient.ConnectAsync(alice, fixture.Primary, configure: options => options.Headers["Origin"] = "http://evil.example"));

        var (status, socket) = await OpenSocketAsync(token, origin: "http://localhost:5080");
        using (socket)
        {
            Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
            Assert.Equal("{}" + RecordSeparator, await HandshakeAsync(socket!));
        }

        await using var app = await ChatClient.ConnectAsync(alice, fixture.Primary, configure: options => options.Headers["Origin"] = "http://localhost:5080");
        await app.WatchPresenceAsync();
    }

    [Fact]
    public async Task A_connection_is_closed_when_its_token_expires_without_the_clock_skew_and_told_it_may_reconnect()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var lifetime = TimeSpan.FromSeconds(5);
        var token = fixture.Tokens.Issue(alice.Id, alice.Username, lifetime: lifetime);
        // exp is in whole seconds: up to a second before issue + lifetime.
        var expires = new DateTimeOffset(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).ValidTo, TimeSpan.Zero);

        // The .NET client, and a browser's WebSocket (token in the query string) reading the frames itself.
        await using var phone = await ChatClient.ConnectAsync(alice, fixture.Primary, token);
        var phoneClosed = phone.Connection.ClosedAsync();
        var (_, socket) = await OpenSocketAsync(token);
        using var browser = socket!;
        await HandshakeAsync(browser);
        var browserFrames = ReadUntilClosedAsync(browser);
        await phone.WatchPresenceAsync(); // working until then

        await phoneClosed.WaitAsync(lifetime + ClockSkew + TimeSpan.FromSeconds(15));
        var closedAfterExpiry = DateTimeOffset.UtcNow - expires;
        // At the token's expiry (the server looks every second), not at expiry plus the 30 s skew that sign-in checks allow.
        Assert.True(closedAfterExpiry >= TimeSpan.FromMilliseconds(-100), $"Closed {-closedAfterExpiry} before the token expired.");
        Assert.True(closedAfterExpiry < TimeSpan.FromSeconds(10), $"Closed only {closedAfterExpiry} after the token expired.");
        Assert.Null(await phoneClosed);
        // A hub Close message that allows reconnecting, then a normal WebSocket close: a browser client reconnects (with a fresh token).
        var frames = await browserFrames.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(["{\"type\":7,\"allowReconnect\":true}" + RecordSeparator], frames.Where(frame => !frame.Contains("\"type\":6", StringComparison.Ordinal)));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, browser.CloseStatus);

        // A fresh token gets a connection that lasts; the expired one, still inside the skew, gets
        // none that lasts (authentication lets it in, the expiry check closes it again at once).
        await using var renewed = await ChatClient.ConnectAsync(alice, fixture.Primary);
        try
        {
            await using var stale = await ChatClient.ConnectAsync(alice, fixture.Primary, token);
            await stale.Connection.ClosedAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is HttpRequestException or WebSocketException)
        {
            // Refused outright: as good.
        }
        Assert.Equal(HubConnectionState.Connected, renewed.Connection.State);
        await renewed.WatchPresenceAsync();
    }

    private async Task<HttpStatusCode> NegotiateAsync(string? token, string? origin = null)
    {
        using var http = new HttpClient { BaseAddress = fixture.Primary.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/hubs/chat/negotiate?negotiateVersion=1", UriKind.Relative));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private Task<(HttpStatusCode Status, ClientWebSocket? Socket)> OpenSocketAsync(string? token, string? origin = null) =>
        HubSockets.OpenAsync(fixture.Primary.HubAddress, token, origin);

    /// <summary>SignalR's handshake in its JSON protocol; returns the server's answer (<c>{}</c> when accepted).</summary>
    private static async Task<string> HandshakeAsync(ClientWebSocket socket)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    private static async Task<IReadOnlyList<string>> ReadUntilClosedAsync(ClientWebSocket socket)
    {
        var frames = new List<string>();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
                return frames;
            frames.Add(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }
}
