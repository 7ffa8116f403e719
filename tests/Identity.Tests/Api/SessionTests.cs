using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Testing;

namespace ChatApp.Identity.Tests.Api;

public sealed class SessionTests(IdentityFixture identity)
{
    [Fact]
    public async Task I_see_my_sessions_and_signing_one_out_stops_its_refresh()
    {
        var account = await identity.RegisterAsync();
        using var laptop = await identity.SignedInClientAsync(account);
        using var phone = await identity.SignedInClientAsync(account);

        var sessions = await SessionsAsync(laptop);
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(laptop.Address, current.GetProperty("clientAddress").GetString());
        Assert.Equal("IdentityTests/1.0", current.GetProperty("userAgent").GetString());
        var phoneSession = Assert.Single(sessions, s => !s.GetProperty("isCurrent").GetBoolean()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.SendAsync(HttpMethod.Delete, $"/sessions/{phoneSession}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.RefreshAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.RefreshAsync()).StatusCode);
        Assert.Single(await SessionsAsync(laptop));
    }

    [Fact]
    public async Task Someone_elses_session_cannot_be_signed_out()
    {
        var me = await identity.RegisterAsync();
        var them = await identity.RegisterAsync();
        using var mine = await identity.SignedInClientAsync(me);
        using var theirs = await identity.SignedInClientAsync(them);
        var theirSession = (await SessionsAsync(theirs)).Single().GetProperty("id").GetGuid();

        var response = await mine.SendAsync(HttpMethod.Delete, $"/sessions/{theirSession}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await theirs.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session()
    {
        var account = await identity.RegisterAsync();
        using var first = await identity.SignedInClientAsync(account);
        using var second = await identity.SignedInClientAsync(account);

        Assert.Equal(HttpStatusCode.OK, (await first.SendAsync(HttpMethod.Delete, "/sessions")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.RefreshAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task Signing_out_this_session_clears_the_cookie_and_ends_its_refresh()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var token = client.RefreshCookie;

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/tokens/sign-out")).StatusCode);
        Assert.Null(client.RefreshCookie);

        client.RefreshCookie = token;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_can_end_the_other_sessions()
    {
        var account = await identity.RegisterAsync();
        using var here = await identity.SignedInClientAsync(account);
        using var elsewhere = await identity.SignedInClientAsync(account);

        var wrongCurrent = await here.PostAsync("/account/password", new { currentPassword = "not it", newPassword = "a brand new passphrase", endOtherSessions = true });
        await wrongCurrent.AssertProblemAsync(HttpStatusCode.BadRequest, "currentPassword");
        var common = await here.PostAsync("/account/password", new { currentPassword = account.Password, newPassword = "password1", endOtherSessions = true });
        await common.AssertProblemAsync(HttpStatusCode.BadRequest, "newPassword");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.RefreshAsync()).StatusCode);

        var changed = await here.PostAsync("/account/password", new { currentPassword = account.Password, newPassword = "a brand new passphrase", endOtherSessions = true });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(1, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("otherSessionsEnded").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.RefreshAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.RefreshAsync()).StatusCode);
        using var fresh = identity.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.PostAsync("/sign-in", new { login = account.Username, password = "a brand new passphrase" })).StatusCode);
    }

    [Fact]
    public async Task Session_endpoints_need_an_access_token()
    {
        using var anonymous = identity.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(HttpMethod.Delete, "/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/account")).StatusCode);
    }

    private static async Task<List<JsonElement>> SessionsAsync(IdentityClient client)
    {
        var response = await client.GetAsync("/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }
}
