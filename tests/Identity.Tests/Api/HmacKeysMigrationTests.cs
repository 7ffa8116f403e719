using System.Security.Cryptography;
using ChatApp.Identity.Infrastructure.Devices;
using ChatApp.Testing;
using Dapper;
using MySqlConnector;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// A database from before the HMAC keys shared a table: the device cookie key in device_cookie_keys
/// and a sign-in code hashed without a key. After the next start the cookies issued before are still
/// recognised (the key moved, unchanged), and the unkeyed code hash is gone.
/// </summary>
public sealed class HmacKeysMigrationTests(IdentityFixture identity)
{
    private const long MigrationVersion = 202611302101;

    [Fact]
    public async Task The_device_cookie_key_moves_to_hmac_keys_and_unkeyed_code_hashes_are_cleared()
    {
        var database = await identity.DatabaseServer.CreateDatabaseAsync("hmac_keys_migration");
        var keyEncryptionKey = KeyEncryptionKeySettings.NewKey();
        string deviceCookie;
        await using (var before = IdentityReplica.Start(identity, database, keyEncryptionKey))
        {
            var account = await identity.RegisterAsync(at: before.Address);
            using var client = await identity.SignedInClientAsync(account, at: before.Address);
            deviceCookie = client.DeviceCookie!;
        }

        // Back to how the previous version stored them.
        await using (var db = new MySqlConnection(database))
        {
            var secret = await db.QuerySingleAsync<byte[]>("SELECT secret FROM hmac_keys WHERE purpose = @purpose", new { purpose = DeviceCookies.KeyPurpose });
            await db.ExecuteAsync("CREATE TABLE device_cookie_keys (id TINYINT NOT NULL, secret VARBINARY(512) NOT NULL, created_at DATETIME(6) NOT NULL, PRIMARY KEY (id))");
            await db.ExecuteAsync("INSERT INTO device_cookie_keys (id, secret, created_at) VALUES (1, @secret, NOW(6))", new { secret });
            await db.ExecuteAsync("DROP TABLE hmac_keys");
            await db.ExecuteAsync("UPDATE sign_in_challenges SET code_hash = @unkeyed", new { unkeyed = SHA256.HashData("unkeyed"u8) });
            await db.ExecuteAsync("DELETE FROM VersionInfo WHERE Version = @version", new { version = MigrationVersion });
        }

        await using var after = IdentityReplica.Start(identity, database, keyEncryptionKey);

        Assert.NotNull(await after.Get<DeviceCookies>().ReadAsync(deviceCookie, CancellationToken.None));
        await using (var db = new MySqlConnection(database))
        {
            Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'device_cookie_keys'"));
            Assert.NotEqual(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sign_in_challenges"));
            Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sign_in_challenges WHERE code_hash IS NOT NULL"));
        }
    }
}
