using System.Net;
using ChatApp.Calls.Domain;
using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

/// <summary>The call hub's door is the chat hub's: a token signed by Identity's key, pages of our own origin, a connection that ends with its token.</summary>
public sealed class HubSecurityTests(CallsFixture fixture)
{
    [Fact]
    public async Task Without_a_valid_token_or_from_another_site_the_hub_does_not_open()
    {
        var mallory = await fixture.CreatePersonAsync();
        using var stranger = new TestTokenIssuer();
        var token = fixture.Tokens.Issue(mallory.Id, mallory.Username);

        Assert.Equal(HttpStatusCode.Unauthorized, (await HubSockets.OpenAsync(fixture.Primary.HubAddress, token: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await HubSockets.OpenAsync(fixture.Primary.HubAddress, stranger.Issue(mallory.Id, mallory.Username))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await HubSockets.OpenAsync(fixture.Primary.HubAddress, token, origin: "http://evil.example")).Status);
        var (status, socket) = await HubSockets.OpenAsync(fixture.Primary.HubAddress, token, origin: "http://localhost:5080");
        socket?.Dispose();
        Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
    }

    [Fact]
    public async Task A_connection_closes_when_its_token_expires_and_the_device_rejoins_its_call_with_a_fresh_one()
    {
        var (alice, bob) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        var shortLived = fixture.Tokens.Issue(alice.Id, alice.Username, lifetime: TimeSpan.FromSeconds(3));
        var alicePhone = await TestDevice.ConnectAsync(alice, fixture.Primary, Guid.NewGuid(), shortLived);
        var closed = alicePhone.Connection.ClosedAsync();
        await using var bobPhone = await bob.ConnectAsync();
        var call = await alicePhone.InviteAsync(bob);
        await bobPhone.AcceptAsync(call.Id);

        await closed.WaitAsync(TimeSpan.FromSeconds(15));
        await bobPhone.WaitForChangeAsync(call.Id, change => change.CallerReconnecting, "caller reconnecting");
        await using var renewed = await alice.ConnectAsync(deviceId: alicePhone.DeviceId);
        Assert.Equal(CallState.Active, (await renewed.RejoinAsync(call.Id)).State);
        await alicePhone.DisposeAsync();
    }
}
