using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.SigningKeys;
using ChatApp.Testing;
using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;
using MySqlConnector;
using OtpNet;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// A database from before secrets were encrypted: its signing key and authenticator secrets are
/// in clear. The first start of this version encrypts them, and nobody notices: tokens signed
/// before still validate, the same key signs on, and the authenticator app's codes still work.
/// </summary>
public sealed class ClearSecretsMigrationTests(IdentityFixture identity)
{
    [Fact]
    public async Task Secrets_stored_in_clear_before_are_encrypted_at_the_next_start_and_keep_working()
    {
        var database = await identity.DatabaseServer.CreateDatabaseAsync("clear_secrets");
        var keyEncryptionKey = KeyEncryptionKeySettings.NewKey();
        TestAccount account;
        byte[] totpSecret;
        string accessToken;
        byte[] privateKey;
        await using (var before = IdentityReplica.Start(identity, database, keyEncryptionKey))
        {
            account = await identity.RegisterAsync(at: before.Address);
            using var client = await identity.SignedInClientAsync(account, at: before.Address);
            var enrolment = await (await client.PostAsync("/account/authenticator")).Content.ReadFromJsonAsync<JsonElement>();
            totpSecret = Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/account/authenticator/confirm", new { code = AuthenticatorCode.At(totpSecret, DateTime.UtcNow) })).StatusCode);
            accessToken = client.AccessToken!;
            privateKey = before.Get<SigningKeyRing>().Current.SecurityKey.ECDsa.ExportPkcs8PrivateKey();
        }

        // Back to how the previous version stored them: in clear, and no key ring yet.
        var keyId = new JsonWebToken(accessToken).Kid;
        await using (var db = new MySqlConnection(database))
        {
            await db.ExecuteAsync("UPDATE signing_keys SET private_key = @privateKey, is_protected = FALSE WHERE key_id = @keyId", new { privateKey, keyId });
            await db.ExecuteAsync("DELETE FROM signing_keys WHERE key_id <> @keyId", new { keyId });
            await db.ExecuteAsync("UPDATE authenticators SET secret = @totpSecret, is_protected = FALSE WHERE user_id = @userId", new { totpSecret, userId = account.Id });
            await db.ExecuteAsync("DELETE FROM data_protection_keys");
            // Device cookies came with the key ring: the previous version had no key of theirs.
            await db.ExecuteAsync("DELETE FROM hmac_keys");
        }

        await using var after = IdentityReplica.Start(identity, database, keyEncryptionKey);

        await using (var db = new MySqlConnection(database))
        {
            var signingKey = await db.QuerySingleAsync<(byte[] Value, bool IsProtected)>("SELECT private_key, is_protected FROM signing_keys WHERE key_id = @keyId", new { keyId });
            Assert.True(signingKey.IsProtected);
            Assert.NotEqual(privateKey, signingKey.Value);
            var authenticator = await db.QuerySingleAsync<(byte[] Value, bool IsProtected)>("SELECT secret, is_protected FROM authenticators WHERE user_id = @userId", new { userId = account.Id });
            Assert.True(authenticator.IsProtected);
            Assert.False(SecretsAtRestTests.Holds(authenticator.Value, totpSecret));
        }

        Assert.Equal(privateKey, after.Get<SigningKeyRing>().Current.SecurityKey.ECDsa.ExportPkcs8PrivateKey());
        using var signedIn = new IdentityClient(after.Address) { AccessToken = accessToken };
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/account")).StatusCode);
        using var signIn = new IdentityClient(after.Address);
        var challengeId = await signIn.StartSignInAsync(account.Username, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await signIn.EnterCodeAsync(challengeId, AuthenticatorCode.At(totpSecret, DateTime.UtcNow.AddSeconds(30)))).StatusCode);
    }
}
