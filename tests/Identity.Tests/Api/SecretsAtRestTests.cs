using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using ChatApp.BuildingBlocks.Secrets;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.SigningKeys;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// Someone who reads Identity's database (a stolen backup, another service taken over) finds
/// neither the token-signing private keys nor authenticator secrets, nor the keys that would
/// decrypt them; the service itself still signs, validates and checks codes.
/// </summary>
public sealed class SecretsAtRestTests(IdentityFixture identity)
{
    [Fact]
    public async Task The_database_holds_no_signing_private_key_yet_the_tokens_signed_with_it_validate()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var ring = identity.IdentityServices.GetRequiredService<SigningKeyRing>();
        var privateKeys = ring.Published.Select(key => key.SecurityKey.ECDsa.ExportParameters(includePrivateParameters: true).D!).ToList();

        await using var db = await identity.OpenDatabaseAsync();
        var rows = (await db.QueryAsync<(byte[] PrivateKey, bool IsProtected)>("SELECT private_key, is_protected FROM signing_keys")).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(row.IsProtected));
        Assert.All(rows, row => Assert.All(privateKeys, d => Assert.False(Holds(row.PrivateKey, d), "A signing key's private scalar is in the database in clear.")));
        Assert.Equal(HttpStatusCode.OK, await TokenTests.WhoAmIAsync(identity, client.AccessToken!));
    }

    [Fact]
    public async Task The_database_holds_no_authenticator_secret_yet_its_codes_sign_in()
    {
        var account = await identity.RegisterAsync();
        using (var client = await identity.SignedInClientAsync(account))
        {
            var enrolment = await (await client.PostAsync("/account/authenticator")).Content.ReadFromJsonAsync<JsonElement>();
            var secret = Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString());
            Assert.False(Holds(await StoredAuthenticatorSecretAsync(account.Id), secret), "An unconfirmed authenticator's secret is in the database in clear.");
            var confirmed = await client.PostAsync("/account/authenticator/confirm", new { code = AuthenticatorCode.At(secret, DateTime.UtcNow) });
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

            Assert.False(Holds(await StoredAuthenticatorSecretAsync(account.Id), secret), "The authenticator's secret is in the database in clear.");
            using var signIn = identity.NewClient();
            var challengeId = await signIn.StartSignInAsync(account.Username, account.Password);
            Assert.Equal(HttpStatusCode.OK, (await signIn.EnterCodeAsync(challengeId, AuthenticatorCode.At(secret, DateTime.UtcNow.AddSeconds(30)))).StatusCode);
        }
    }

    [Fact]
    public async Task The_key_ring_in_the_database_holds_its_keys_only_encrypted_with_the_configured_key_encryption_key()
    {
        await using var db = await identity.OpenDatabaseAsync();
        var entries = (await db.QueryAsync<string>("SELECT xml FROM data_protection_keys")).Select(XElement.Parse).ToList();

        var keys = Assert.Single(entries, entry => entry.Name == "key");
        Assert.DoesNotContain("masterKey", keys.ToString(), StringComparison.Ordinal);
        var envelope = Assert.Single(keys.Descendants(KeyEncryptionKeys.EnvelopeName));
        Assert.Equal("test", envelope.Attribute(KeyEncryptionKeys.KeyIdAttribute)?.Value);
        // The envelope is the real key: the fixture's KEK opens it.
        var kek = new KeyEncryptionKeys(new KeyEncryptionKeyOptions
        {
            CurrentKeyEncryptionKeyId = "test",
            KeyEncryptionKeys = { ["test"] = identity.KeyEncryptionKeys["DataProtection:KeyEncryptionKeys:test"] },
        });
        var masterKey = kek.Decrypt(envelope);
        Assert.Equal("masterKey", masterKey.Name.LocalName);
        Assert.Equal(64, Convert.FromBase64String(masterKey.Value.Trim()).Length);
    }

    internal static bool Holds(byte[] stored, byte[] secret) => stored.AsSpan().IndexOf(secret) >= 0;

    private async Task<byte[]> StoredAuthenticatorSecretAsync(Guid userId)
    {
        await using var db = await identity.OpenDatabaseAsync();
        return await db.QuerySingleAsync<byte[]>("SELECT secret FROM authenticators WHERE user_id = @userId", new { userId });
    }
}
