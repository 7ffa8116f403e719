using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Testing;
using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ChatApp.Identity.Tests.Api;

/// <summary>Runs alone: while the key changes, other tests' tokens would meet a validator that has not fetched the new key yet.</summary>
[CollectionDefinition(nameof(KeyRotationTests), DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(KeyRotationTests))]
public sealed class KeyRotationTests(IdentityFixture identity)
{
    [Fact]
    public async Task The_next_key_is_published_before_it_signs_and_the_old_one_stays_published_after()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var oldToken = client.AccessToken!;
        var oldKid = new JsonWebToken(oldToken).Kid;

        // The current key has a little over a second left: the ring makes its successor now, to sign from then.
        await using (var db = await identity.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE signing_keys SET signs_until = UTC_TIMESTAMP(6) + INTERVAL 1500000 MICROSECOND WHERE key_id = @oldKid", new { oldKid });
        await identity.RotateKeysAsync();

        var published = await PublishedKeyIdsAsync();
        Assert.Contains(oldKid, published);
        var nextKid = Assert.Single(published, kid => kid != oldKid);
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync()).StatusCode);
        Assert.Equal(oldKid, new JsonWebToken(client.AccessToken!).Kid);

        await Task.Delay(TimeSpan.FromMilliseconds(1600));
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync()).StatusCode);
        var newToken = client.AccessToken!;
        Assert.Equal(nextKid, new JsonWebToken(newToken).Kid);

        // Tokens of both keys are accepted. A validator that fetched the key set before the new key
        // existed fetches it again on the first token naming it (in the background, so give it a moment);
        // with the default hour of publishing ahead, every validator has it long before.
        await Eventually.HoldsAsync(async () => await TokenTests.WhoAmIAsync(identity, newToken) == HttpStatusCode.OK, TimeSpan.FromSeconds(10),
            () => "The other service never accepted a token signed with the new key.");
        Assert.Equal(HttpStatusCode.OK, await TokenTests.WhoAmIAsync(identity, oldToken));
        Assert.Contains(oldKid, await PublishedKeyIdsAsync());
    }

    private async Task<List<string>> PublishedKeyIdsAsync()
    {
        using var http = new HttpClient { BaseAddress = identity.IdentityAddress };
        var jwks = await http.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        Assert.All(jwks.GetProperty("keys").EnumerateArray(), k => Assert.False(k.TryGetProperty("d", out _), "The JWKS must not publish private keys."));
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }
}
