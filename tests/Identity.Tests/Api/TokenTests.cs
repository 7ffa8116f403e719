using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatApp.Identity.Infrastructure.SigningKeys;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Identity.Tests.Api;

public sealed class TokenTests(IdentityFixture identity)
{
    [Fact]
    public async Task Refreshing_rotates_the_token_and_reusing_an_old_one_ends_the_whole_family()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var first = client.RefreshCookie!;

        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync()).StatusCode);
        var second = client.RefreshCookie!;
        Assert.NotEqual(first, second);

        // Someone replays the first token (say, copied from a stolen backup).
        using var thief = identity.NewClient();
        thief.RefreshCookie = first;
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.RefreshAsync()).StatusCode);

        // The family is revoked: the legitimate, newer token stops working too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RefreshAsync()).StatusCode);
        await using var db = await identity.OpenDatabaseAsync();
        Assert.Equal("refresh-reused", await db.QuerySingleAsync<string>("SELECT revoked_reason FROM sessions WHERE user_id = @id", new { id = account.Id }));
        Assert.Equal(1, await db.QuerySingleAsync<int>("SELECT COUNT(*) FROM security_events WHERE user_id = @id AND kind = 'refresh-reused'", new { id = account.Id }));
    }

    [Fact]
    public async Task A_refresh_without_a_cookie_or_with_garbage_is_refused()
    {
        using var client = identity.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RefreshAsync()).StatusCode);
        client.RefreshCookie = "not-a-token";
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task Another_service_refuses_tampered_expired_wrong_audience_wrong_issuer_and_unsigned_tokens()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var key = CurrentSigningKey();

        // The control: a token made here with Identity's key passes, so each refusal below is for its one flaw.
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(Sign(key, account.Id)));
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(client.AccessToken!));

        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(Tamper(client.AccessToken!, Guid.NewGuid())));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(Sign(key, account.Id, expires: DateTime.UtcNow.AddMinutes(-2))));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(Sign(key, account.Id, audience: "someone-else")));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(Sign(key, account.Id, issuer: "http://evil.example")));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(Unsigned(client.AccessToken!)));
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(Sign(new ECDsaSecurityKey(strangerKey) { KeyId = key.KeyId }, account.Id)));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(Sign(key, account.Id, withTokenId: false)));
    }

    [Fact]
    public async Task The_discovery_document_points_at_the_key_set()
    {
        using var http = new HttpClient { BaseAddress = identity.IdentityAddress };

        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(identity.IdentityAddress.ToString().TrimEnd('/'), discovery.GetProperty("issuer").GetString());
        var jwks = await http.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!));
        Assert.All(jwks.GetProperty("keys").EnumerateArray(), key =>
        {
            Assert.Equal("EC", key.GetProperty("kty").GetString());
            Assert.Equal("ES256", key.GetProperty("alg").GetString());
        });
    }

    private Task<HttpStatusCode> WhoAmIAsync(string token) => WhoAmIAsync(identity, token);

    internal static async Task<HttpStatusCode> WhoAmIAsync(IdentityFixture identity, string token)
    {
        using var other = identity.OtherService();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami") { Headers = { Authorization = new("Bearer", token) } };
        return (await other.SendAsync(request)).StatusCode;
    }

    /// <summary>The key Identity signs with now, as the service holds it (the database holds it only encrypted).</summary>
    private ECDsaSecurityKey CurrentSigningKey() => identity.IdentityServices.GetRequiredService<SigningKeyRing>().Current.SecurityKey;

    private string Sign(SecurityKey key, Guid userId, DateTime? expires = null, string audience = "chatapp", string? issuer = null, bool withTokenId = true)
    {
        var claims = new List<Claim> { new("sub", userId.ToString()), new("sid", Guid.NewGuid().ToString()) };
        if (withTokenId)
            claims.Add(new Claim("jti", Guid.NewGuid().ToString()));
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? identity.IdentityAddress.ToString().TrimEnd('/'),
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-15),
            NotBefore = expiry.AddMinutes(-15),
            Expires = expiry,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>The same signature over a payload that now names someone else.</summary>
    private static string Tamper(string token, Guid otherUser)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["sub"] = JsonSerializer.SerializeToElement(otherUser.ToString());
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
    }

    /// <summary>The classic attack: "alg": "none" and no signature.</summary>
    private static string Unsigned(string token)
    {
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return $"{header}.{token.Split('.')[1]}.";
    }
}
