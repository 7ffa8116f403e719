using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ChatApp.Testing;
using Dapper;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// End-to-end encryption keys: the public-key directory (publish, look up, history, the
/// <c>UserKeysChanged</c> event) and the encrypted key backup. The keys are real P-256 keys made
/// here as a browser makes them with WebCrypto; the key id is computed here, independently.
/// </summary>
public sealed class KeyTests(IdentityFixture identity)
{
    private const string EventType = "UserKeysChanged";

    [Fact]
    public async Task A_published_key_set_is_current_and_found_by_lookup()
    {
        var account = await identity.RegisterAsync();
        var withoutKeys = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var keys = TestKeySet.Create();

        var published = await PublishAsync(client, keys);

        Assert.Equal(account.Id, published.GetProperty("userId").GetGuid());
        AssertIs(keys, published);
        Assert.True(published.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        var found = await LookupAsync(client, account.Id, withoutKeys.Id, Guid.NewGuid());
        Assert.Equal(published.ToString(), Assert.Single(found).ToString());
    }

    [Fact]
    public async Task A_new_key_set_replaces_the_current_one_keeps_the_old_in_history_and_is_announced_once()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var first = TestKeySet.Create();
        var second = TestKeySet.Create();

        await PublishAsync(client, first);
        var current = await PublishAsync(client, second);
        var again = await PublishAsync(client, second);

        Assert.Equal(current.ToString(), again.ToString());
        AssertIs(second, Assert.Single(await LookupAsync(client, account.Id)));
        var history = await HistoryAsync(client, account.Id);
        Assert.Equal([second.KeyId, first.KeyId], history.Select(k => k.GetProperty("keyId").GetString()));
        Assert.True(history[0].GetProperty("createdAt").GetDateTimeOffset() > history[1].GetProperty("createdAt").GetDateTimeOffset());
        await AssertAnnouncedAsync(account, first.KeyId, second.KeyId);
    }

    [Fact]
    public async Task Publishing_an_older_key_set_again_makes_it_current_and_newest()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var first = TestKeySet.Create();
        var second = TestKeySet.Create();

        await PublishAsync(client, first);
        await PublishAsync(client, second);
        await PublishAsync(client, first);

        AssertIs(first, Assert.Single(await LookupAsync(client, account.Id)));
        Assert.Equal([first.KeyId, second.KeyId], (await HistoryAsync(client, account.Id)).Select(k => k.GetProperty("keyId").GetString()));
        await AssertAnnouncedAsync(account, first.KeyId, second.KeyId, first.KeyId);
    }

    [Fact]
    public async Task Anyone_signed_in_reads_anyones_history_and_a_user_without_keys_has_an_empty_one()
    {
        var owner = await identity.RegisterAsync();
        var reader = await identity.RegisterAsync();
        using var ownerClient = await identity.SignedInClientAsync(owner);
        using var readerClient = await identity.SignedInClientAsync(reader);
        var keys = TestKeySet.Create();
        await PublishAsync(ownerClient, keys);

        AssertIs(keys, Assert.Single(await HistoryAsync(readerClient, owner.Id)));
        Assert.Empty(await HistoryAsync(ownerClient, reader.Id));
        Assert.Empty(await HistoryAsync(ownerClient, Guid.NewGuid()));
    }

    public static TheoryData<string, string> InvalidKeySets() => new()
    {
        // case, the field refused
        { "key id of other keys", "keyId" },
        { "key id not base64url", "keyId" },
        { "64-byte key", "agreementKey" },
        { "65 bytes not starting with 0x04", "signingKey" },
        { "not on the curve", "agreementKey" },
        { "not base64url", "signingKey" },
        { "padded base64url", "agreementKey" },
        { "missing key", "signingKey" },
    };

    [Theory]
    [MemberData(nameof(InvalidKeySets))]
    public async Task An_invalid_key_set_is_refused_and_changes_nothing(string invalidCase, string field)
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var keys = TestKeySet.Create();
        var offCurve = new byte[65];
        offCurve[0] = 0x04;
        Array.Fill(offCurve, (byte)0x01, 1, 64);
        object body = invalidCase switch
        {
            "key id of other keys" => new { keyId = TestKeySet.Create().KeyId, keys.AgreementKey, keys.SigningKey },
            "key id not base64url" => new { keyId = "not a key id, too long!", keys.AgreementKey, keys.SigningKey },
            "64-byte key" => new { keys.KeyId, agreementKey = Base64Url.EncodeToString(Base64Url.DecodeFromChars(keys.AgreementKey).AsSpan(0, 64)), keys.SigningKey },
            "65 bytes not starting with 0x04" => new { keys.KeyId, keys.AgreementKey, signingKey = Base64Url.EncodeToString([0x02, .. Base64Url.DecodeFromChars(keys.SigningKey)[1..]]) },
            "not on the curve" => new { keys.KeyId, agreementKey = Base64Url.EncodeToString(offCurve), keys.SigningKey },
            "not base64url" => new { keys.KeyId, keys.AgreementKey, signingKey = Convert.ToBase64String(Base64Url.DecodeFromChars(keys.SigningKey)).Replace('A', '+') + "!" },
            "padded base64url" => new { keys.KeyId, agreementKey = keys.AgreementKey + "===", keys.SigningKey },
            "missing key" => new { keys.KeyId, keys.AgreementKey },
            _ => throw new ArgumentOutOfRangeException(nameof(invalidCase), invalidCase, null),
        };

        var response = await client.SendAsync(HttpMethod.Put, "/keys", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty(await HistoryAsync(client, account.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public async Task A_lookup_needs_1_to_256_ids(int count)
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);

        var response = await client.PostAsync("/keys/lookup", new { userIds = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "userIds");
    }

    [Fact]
    public async Task A_lookup_with_an_empty_id_or_none_at_all_is_refused_and_256_are_fine()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var keys = TestKeySet.Create();
        await PublishAsync(client, keys);

        await (await client.PostAsync("/keys/lookup", new { userIds = new[] { account.Id, Guid.Empty } })).AssertProblemAsync(HttpStatusCode.BadRequest, "userIds");
        await (await client.PostAsync("/keys/lookup", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "userIds");
        var full = await LookupAsync(client, [account.Id, .. Enumerable.Range(0, 255).Select(_ => Guid.NewGuid())]);
        AssertIs(keys, Assert.Single(full));
    }

    [Fact]
    public async Task A_key_backup_comes_back_exactly_as_stored_and_a_new_one_replaces_it()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var older = TestKeySet.Create();
        var current = TestKeySet.Create();
        await PublishAsync(client, older);
        await PublishAsync(client, current);
        var backup = Backup(current.KeyId, ciphertextLength: 16 * 1024);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Put, "/keys/backup", backup)).StatusCode);
        AssertIs(backup, await GetBackupAsync(client));

        // Any of my published key sets may be backed up, the current one or an older one.
        var replacement = Backup(older.KeyId, ciphertextLength: 1);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Put, "/keys/backup", replacement)).StatusCode);
        var stored = await GetBackupAsync(client);
        AssertIs(replacement, stored);
        Assert.True(stored.GetProperty("updatedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Nobody_gets_someone_elses_key_backup()
    {
        var owner = await identity.RegisterAsync();
        var other = await identity.RegisterAsync();
        using var ownerClient = await identity.SignedInClientAsync(owner);
        using var otherClient = await identity.SignedInClientAsync(other);
        var keys = TestKeySet.Create();
        await PublishAsync(ownerClient, keys);
        var backup = Backup(keys.KeyId);
        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.SendAsync(HttpMethod.Put, "/keys/backup", backup)).StatusCode);

        var theirs = await otherClient.GetAsync("/keys/backup");

        await theirs.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(backup.Ciphertext, await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertIs(backup, await GetBackupAsync(ownerClient));
    }

    public static TheoryData<string, string> InvalidBackups() => new()
    {
        // case, the field refused
        { "100000 iterations", "iterations" },
        { "10000001 iterations", "iterations" },
        { "no iterations", "iterations" },
        { "11-byte iv", "iv" },
        { "15-byte salt", "salt" },
        { "65-byte salt", "salt" },
        { "ciphertext over 16 KiB", "ciphertext" },
        { "empty ciphertext", "ciphertext" },
        { "ciphertext not base64url", "ciphertext" },
        { "someone else's key id", "keyId" },
        { "a key id nobody has", "keyId" },
    };

    [Theory]
    [MemberData(nameof(InvalidBackups))]
    public async Task An_invalid_key_backup_is_refused_and_stores_nothing(string invalidCase, string field)
    {
        var account = await identity.RegisterAsync();
        var stranger = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var keys = TestKeySet.Create();
        await PublishAsync(client, keys);
        var valid = Backup(keys.KeyId);
        object body = invalidCase switch
        {
            "100000 iterations" => valid with { Iterations = 100_000 },
            "10000001 iterations" => valid with { Iterations = 10_000_001 },
            "no iterations" => new { valid.KeyId, valid.Salt, valid.Iv, valid.Ciphertext },
            "11-byte iv" => valid with { Iv = RandomBase64Url(11) },
            "15-byte salt" => valid with { Salt = RandomBase64Url(15) },
            "65-byte salt" => valid with { Salt = RandomBase64Url(65) },
            "ciphertext over 16 KiB" => valid with { Ciphertext = RandomBase64Url(16 * 1024 + 1) },
            "empty ciphertext" => valid with { Ciphertext = "" },
            "ciphertext not base64url" => valid with { Ciphertext = Convert.ToBase64String(new byte[] { 0xfb, 0xff, 0xbf }) },
            "someone else's key id" => valid with { KeyId = await PublishedByAsync(stranger) },
            "a key id nobody has" => valid with { KeyId = TestKeySet.Create().KeyId },
            _ => throw new ArgumentOutOfRangeException(nameof(invalidCase), invalidCase, null),
        };

        var response = await client.SendAsync(HttpMethod.Put, "/keys/backup", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        await (await client.GetAsync("/keys/backup")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Key_changes_are_limited_to_20_an_hour_per_account()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var last = TestKeySet.Create();
        await PublishAsync(client, last);
        for (var change = 2; change <= 20; change++)
        {
            last = TestKeySet.Create();
            await PublishAsync(client, last);
        }

        var tooMany = await client.SendAsync(HttpMethod.Put, "/keys", TestKeySet.Create().Body);

        var problem = await tooMany.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(tooMany.Headers.RetryAfter?.Delta > TimeSpan.Zero, problem.ToString());
        // Publishing the current set again is no change: it still answers.
        AssertIs(last, await PublishAsync(client, last));
        Assert.Equal(20, (await HistoryAsync(client, account.Id)).Count);
    }

    [Fact]
    public async Task Key_backups_are_limited_to_10_writes_and_30_reads_an_hour_per_account()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var keys = TestKeySet.Create();
        await PublishAsync(client, keys);

        var writes = new List<HttpStatusCode>();
        for (var write = 0; write < 11; write++)
            writes.Add((await client.SendAsync(HttpMethod.Put, "/keys/backup", Backup(keys.KeyId))).StatusCode);
        var reads = new List<HttpResponseMessage>();
        for (var read = 0; read < 31; read++)
            reads.Add(await client.GetAsync("/keys/backup"));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NoContent, 10), HttpStatusCode.TooManyRequests], writes);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 30), HttpStatusCode.TooManyRequests], reads.Select(r => r.StatusCode));
        Assert.True(reads[^1].Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Every_key_endpoint_needs_an_access_token()
    {
        using var anonymous = identity.NewClient();
        var keys = TestKeySet.Create();

        var statuses = new[]
        {
            (await anonymous.SendAsync(HttpMethod.Put, "/keys", keys.Body)).StatusCode,
            (await anonymous.PostAsync("/keys/lookup", new { userIds = new[] { Guid.NewGuid() } })).StatusCode,
            (await anonymous.GetAsync($"/users/{Guid.NewGuid()}/keys")).StatusCode,
            (await anonymous.SendAsync(HttpMethod.Put, "/keys/backup", Backup(keys.KeyId))).StatusCode,
            (await anonymous.GetAsync("/keys/backup")).StatusCode,
        };

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
    }

    private static async Task<JsonElement> PublishAsync(IdentityClient client, TestKeySet keys)
    {
        var response = await client.SendAsync(HttpMethod.Put, "/keys", keys.Body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Publishing answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var published = await response.Content.ReadFromJsonAsync<JsonElement>();
        AssertIs(keys, published);
        return published;
    }

    private async Task<string> PublishedByAsync(TestAccount account)
    {
        using var client = await identity.SignedInClientAsync(account);
        var keys = TestKeySet.Create();
        await PublishAsync(client, keys);
        return keys.KeyId;
    }

    private static async Task<List<JsonElement>> LookupAsync(IdentityClient client, params Guid[] userIds)
    {
        var response = await client.PostAsync("/keys/lookup", new { userIds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<List<JsonElement>> HistoryAsync(IdentityClient client, Guid userId)
    {
        var response = await client.GetAsync($"/users/{userId}/keys");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<JsonElement> GetBackupAsync(IdentityClient client)
    {
        var response = await client.GetAsync("/keys/backup");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Reading the backup answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void AssertIs(TestKeySet keys, JsonElement view)
    {
        Assert.Equal(keys.KeyId, view.GetProperty("keyId").GetString());
        Assert.Equal(keys.AgreementKey, view.GetProperty("agreementKey").GetString());
        Assert.Equal(keys.SigningKey, view.GetProperty("signingKey").GetString());
    }

    private static void AssertIs(BackupBody backup, JsonElement view)
    {
        Assert.Equal(backup.KeyId, view.GetProperty("keyId").GetString());
        Assert.Equal(backup.Salt, view.GetProperty("salt").GetString());
        Assert.Equal(backup.Iterations, view.GetProperty("iterations").GetInt32());
        Assert.Equal(backup.Iv, view.GetProperty("iv").GetString());
        Assert.Equal(backup.Ciphertext, view.GetProperty("ciphertext").GetString());
    }

    /// <summary>
    /// The user's events reached the broker with these key ids, in this order, and the outbox holds
    /// exactly as many for them: one per change, none for publishing the current set again.
    /// </summary>
    private async Task AssertAnnouncedAsync(TestAccount account, params string[] keyIds)
    {
        await Eventually.HoldsAsync(() => Announced(account).Count >= keyIds.Length, TimeSpan.FromSeconds(20),
            () => $"{keyIds.Length} {EventType} event(s) expected for the user, {Announced(account).Count} arrived.");
        Assert.Equal(keyIds, Announced(account));
        await using var db = await identity.OpenDatabaseAsync();
        var written = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type = 'ChatApp.Contracts.UserKeysChanged' AND body LIKE @userId",
            new { userId = $"%\"userId\":\"{account.Id}\"%" });
        Assert.Equal(keyIds.Length, written);
    }

    private List<string> Announced(TestAccount account) =>
        [.. identity.Events.All(EventType, e => e.GetProperty("userId").GetGuid() == account.Id).Select(e => e.GetProperty("keyId").GetString()!)];

    private static BackupBody Backup(string keyId, int ciphertextLength = 600) =>
        new(keyId, RandomBase64Url(16), 600_000, RandomBase64Url(12), RandomBase64Url(ciphertextLength));

    private static string RandomBase64Url(int length) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(length));

    /// <summary>The body of <c>PUT /keys/backup</c>, as the web app sends it.</summary>
    private sealed record BackupBody(string KeyId, string Salt, int Iterations, string Iv, string Ciphertext);

    /// <summary>A key set as a browser makes it: two P-256 key pairs, their raw public points and the key id over both.</summary>
    private sealed record TestKeySet(string KeyId, string AgreementKey, string SigningKey)
    {
        public object Body => new { KeyId, AgreementKey, SigningKey };

        public static TestKeySet Create()
        {
            using var agreement = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var agreementPoint = RawPoint(agreement.ExportParameters(includePrivateParameters: false).Q);
            var signingPoint = RawPoint(signing.ExportParameters(includePrivateParameters: false).Q);
            var keyId = Base64Url.EncodeToString(SHA256.HashData([.. agreementPoint, .. signingPoint]).AsSpan(0, 16));
            return new TestKeySet(keyId, Base64Url.EncodeToString(agreementPoint), Base64Url.EncodeToString(signingPoint));
        }

        private static byte[] RawPoint(ECPoint q) => [0x04, .. q.X!, .. q.Y!];
    }
}
