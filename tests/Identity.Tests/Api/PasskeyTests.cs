using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ChatApp.Testing;

namespace ChatApp.Identity.Tests.Api;

public sealed class PasskeyTests(IdentityFixture identity)
{
    [Fact]
    public async Task A_passkey_added_in_settings_confirms_a_later_sign_in()
    {
        var account = await identity.RegisterAsync();
        using var passkey = new SoftwarePasskey();
        await AddPasskeyAsync(account, passkey);

        using var client = identity.NewClient();
        var step1 = await (await client.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Passkey", step1.GetProperty("availableFactors").EnumerateArray().Select(f => f.GetString()));
        var challengeId = step1.GetProperty("challengeId").GetGuid();

        var options = await PasskeyOptionsAsync(client, challengeId);
        Assert.Equal("localhost", options.GetProperty("rpId").GetString());
        var response = await client.PostAsync($"/sign-in/{challengeId}/passkey", new { assertion = passkey.Get(options, account.Id) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        client.AccessToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var listed = Assert.Single((await (await client.GetAsync("/account/passkeys")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("Laptop", listed.GetProperty("name").GetString());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task A_signature_from_another_key_is_refused_and_counts_as_a_wrong_try()
    {
        var account = await identity.RegisterAsync();
        using var passkey = new SoftwarePasskey();
        await AddPasskeyAsync(account, passkey);
        using var client = identity.NewClient();
        var challengeId = await client.StartSignInAsync(account.Username, account.Password);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var forged = await client.PostAsync($"/sign-in/{challengeId}/passkey", new { assertion = passkey.Get(await PasskeyOptionsAsync(client, challengeId), account.Id, signWith: forger) });

        await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "assertion");
        await using var db = await identity.OpenDatabaseAsync();
        Assert.Equal(1, await Dapper.SqlMapper.QuerySingleAsync<int>(db, "SELECT failed_attempts FROM sign_in_challenges WHERE id = @challengeId", new { challengeId }));
    }

    [Fact]
    public async Task An_assertion_cannot_be_replayed_and_a_counter_going_back_means_a_clone()
    {
        var account = await identity.RegisterAsync();
        using var passkey = new SoftwarePasskey();
        await AddPasskeyAsync(account, passkey);

        using var first = identity.NewClient();
        var firstChallenge = await first.StartSignInAsync(account.Username, account.Password);
        var assertion = passkey.Get(await PasskeyOptionsAsync(first, firstChallenge), account.Id, signCount: 7);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync($"/sign-in/{firstChallenge}/passkey", new { assertion })).StatusCode);

        // The same answer again, for the same challenge: the ceremony is spent.
        Assert.Equal(HttpStatusCode.Gone, (await first.PostAsync($"/sign-in/{firstChallenge}/passkey", new { assertion })).StatusCode);

        // A copy of the authenticator still at counter 7 signs a fresh challenge.
        using var clone = identity.NewClient();
        var cloneChallenge = await clone.StartSignInAsync(account.Username, account.Password);
        var cloned = await clone.PostAsync($"/sign-in/{cloneChallenge}/passkey", new { assertion = passkey.Get(await PasskeyOptionsAsync(clone, cloneChallenge), account.Id, signCount: 7) });
        Assert.Equal(HttpStatusCode.BadRequest, cloned.StatusCode);
    }

    [Fact]
    public async Task A_passkey_made_for_another_site_is_refused()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        using var phishing = new SoftwarePasskey(origin: "http://chatapp.evil.example");
        var started = await (await client.PostAsync("/account/passkeys/options")).Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.PostAsync("/account/passkeys", new
        {
            ceremonyId = started.GetProperty("ceremonyId").GetGuid(), name = "Phone", attestation = phishing.Create(started.GetProperty("options")),
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "attestation");
        Assert.Empty((await (await client.GetAsync("/account/passkeys")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task Passkey_as_default_then_removed_falls_back_to_email()
    {
        var account = await identity.RegisterAsync();
        using var passkey = new SoftwarePasskey();
        using var client = await AddPasskeyAsync(account, passkey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Put, "/account/second-factor", new { secondFactor = "Passkey" })).StatusCode);
        using (var later = identity.NewClient())
        {
            var step1 = await (await later.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Passkey", step1.GetProperty("secondFactor").GetString());
        }

        var id = (await (await client.GetAsync("/account/passkeys")).Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/account/passkeys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Delete, $"/account/passkeys/{id}")).StatusCode);

        using var after = identity.NewClient();
        var again = await (await after.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Email", again.GetProperty("secondFactor").GetString());
    }

    private async Task<IdentityClient> AddPasskeyAsync(TestAccount account, SoftwarePasskey passkey)
    {
        var client = await identity.SignedInClientAsync(account);
        var started = await (await client.PostAsync("/account/passkeys/options")).Content.ReadFromJsonAsync<JsonElement>();
        var options = started.GetProperty("options");
        Assert.Equal(account.Username, options.GetProperty("user").GetProperty("name").GetString());
        var added = await client.PostAsync("/account/passkeys", new
        {
            ceremonyId = started.GetProperty("ceremonyId").GetGuid(), name = "Laptop", attestation = passkey.Create(options),
        });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        return client;
    }

    private static async Task<JsonElement> PasskeyOptionsAsync(IdentityClient client, Guid challengeId)
    {
        var response = await client.PostAsync($"/sign-in/{challengeId}/passkey/options");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
