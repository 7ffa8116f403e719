using System.Xml.Linq;
using ChatApp.BuildingBlocks.Secrets;
using ChatApp.Identity.Infrastructure.SigningKeys;
using ChatApp.Testing;
using Dapper;
using MySqlConnector;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// The operator replaces the key-encryption key: what was protected under the old one stays
/// readable while the old one is still configured, and moves to the new one; a KEK that is
/// missing or wrong stops the service at start-up, saying which.
/// </summary>
public sealed class KeyEncryptionKeyRotationTests(IdentityFixture identity)
{
    private static readonly (string Id, string Value) KekA = ("a", KeyEncryptionKeySettings.NewValue());
    private static readonly (string Id, string Value) KekB = ("b", KeyEncryptionKeySettings.NewValue());

    [Fact]
    public async Task Secrets_protected_under_the_old_key_stay_readable_after_the_new_one_becomes_current_and_move_to_it()
    {
        var database = await identity.DatabaseServer.CreateDatabaseAsync("kek_rotation");
        var signingKey = await SigningKeyAfterStartAsync(database, KeyEncryptionKeySettings.For(KekA));
        Assert.Equal(["a"], await KeyEncryptionKeyIdsAsync(database));

        // First B is handed to every replica while A stays current, so that none meets an entry it cannot open.
        Assert.Equal(signingKey, await SigningKeyAfterStartAsync(database, KeyEncryptionKeySettings.For(KekA, KekB)));
        Assert.Equal(["a"], await KeyEncryptionKeyIdsAsync(database));

        // Then B current, A kept as the older one: the signing key protected under A is read, and the ring moves to B.
        Assert.Equal(signingKey, await SigningKeyAfterStartAsync(database, KeyEncryptionKeySettings.For(KekB, KekA)));
        Assert.Equal(["b"], await KeyEncryptionKeyIdsAsync(database));

        // Every replica has started once with B: A can go.
        Assert.Equal(signingKey, await SigningKeyAfterStartAsync(database, KeyEncryptionKeySettings.For(KekB)));
    }

    [Fact]
    public async Task Without_the_key_encryption_key_that_protects_the_ring_the_service_does_not_start_and_says_which_is_missing()
    {
        var database = await identity.DatabaseServer.CreateDatabaseAsync("kek_missing");
        await SigningKeyAfterStartAsync(database, KeyEncryptionKeySettings.For(KekA));

        var missing = Assert.ThrowsAny<Exception>(() => IdentityReplica.Start(identity, database, KeyEncryptionKeySettings.For(KekB)));
        Assert.Contains("key-encryption key 'a', which is not configured", missing.ToString(), StringComparison.Ordinal);

        var wrong = Assert.ThrowsAny<Exception>(() => IdentityReplica.Start(identity, database, KeyEncryptionKeySettings.For((KekA.Id, KekB.Value))));
        Assert.Contains("is not the one it was encrypted with", wrong.ToString(), StringComparison.Ordinal);

        // Nothing was lost: with A back, the service starts.
        await SigningKeyAfterStartAsync(database, KeyEncryptionKeySettings.For(KekA));
    }

    [Fact]
    public async Task Without_any_key_encryption_key_the_service_does_not_start()
    {
        var database = await identity.DatabaseServer.CreateDatabaseAsync("kek_none");

        var none = Assert.ThrowsAny<Exception>(() => IdentityReplica.Start(identity, database, new Dictionary<string, string>()));

        Assert.Contains("DataProtection:KeyEncryptionKeys is empty", none.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Starts a replica, and returns the private key it signs with (as PKCS#8, to compare), then stops it.</summary>
    private async Task<string> SigningKeyAfterStartAsync(string database, Dictionary<string, string> keyEncryptionKeys)
    {
        await using var replica = IdentityReplica.Start(identity, database, keyEncryptionKeys);
        return Convert.ToBase64String(replica.Get<SigningKeyRing>().Current.SecurityKey.ECDsa.ExportPkcs8PrivateKey());
    }

    private static async Task<List<string>> KeyEncryptionKeyIdsAsync(string database)
    {
        await using var db = new MySqlConnection(database);
        var entries = await db.QueryAsync<string>("SELECT xml FROM data_protection_keys");
        return [.. entries.SelectMany(xml => XElement.Parse(xml).Descendants(KeyEncryptionKeys.EnvelopeName)).Select(KeyEncryptionKeys.KeyIdOf).Distinct()];
    }
}
