using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// A writer of end-to-end encrypted messages in .NET, for tests that need many messages faster
/// than a browser types them: envelope v1 exactly as the web app seals it (src/Web/src/crypto),
/// so a browser that opens them also proves the format is what the README says.
/// </summary>
public sealed class EnvelopeWriter : IDisposable
{
    private readonly ECDiffieHellman _agreement = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _agreementPublic;
    private readonly byte[] _signingPublic;

    public EnvelopeWriter(Guid userId)
    {
        UserId = userId;
        _agreementPublic = Point(_agreement.ExportParameters(false).Q);
        _signingPublic = Point(_signing.ExportParameters(false).Q);
        KeyId = KeyIdOf(_agreementPublic, _signingPublic);
    }

    public Guid UserId { get; }

    public string KeyId { get; }

    /// <summary>Publishes this writer's keys as its user's current keys.</summary>
    public async Task PublishAsync(HttpClient gateway, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/identity/keys")
        {
            Content = JsonContent.Create(new { keyId = KeyId, agreementKey = Base64Url(_agreementPublic), signingKey = Base64Url(_signingPublic) }),
        };
        request.Headers.Authorization = new("Bearer", token);
        (await gateway.SendAsync(request)).EnsureSuccessStatusCode();
    }

    /// <summary>The current keys of the others, from the directory, with mine.</summary>
    public async Task<IReadOnlyList<Member>> MembersAsync(HttpClient gateway, string token, params Guid[] others)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/keys/lookup") { Content = JsonContent.Create(new { userIds = others }) };
        request.Headers.Authorization = new("Bearer", token);
        var keys = await (await gateway.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return [.. keys.EnumerateArray().Select(key => new Member(key.GetProperty("userId").GetGuid(), key.GetProperty("keyId").GetString()!, FromBase64Url(key.GetProperty("agreementKey").GetString()!))),
            new Member(UserId, KeyId, _agreementPublic)];
    }

    public static string DirectBinding(Guid a, Guid b)
    {
        var pair = new[] { a.ToString(), b.ToString() }.Order(StringComparer.Ordinal).ToArray();
        return $"direct:{pair[0]}:{pair[1]}";
    }

    public string Seal(string text, string binding, Guid clientMessageId, IReadOnlyList<Member> members)
    {
        var sender = UserId.ToString();
        var messageId = clientMessageId.ToString();
        var contentKey = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(12);
        var ct = Encrypt(contentKey, iv, Encoding.UTF8.GetBytes(Json(new Dictionary<string, string> { ["text"] = text })),
            Encoding.UTF8.GetBytes(JsonArray("chatapp/v1/content", binding, sender, KeyId, messageId)));

        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var epk = Point(ephemeral.ExportParameters(false).Q);
        var keys = new List<string[]>();
        foreach (var member in members)
        {
            using var memberKey = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = member.AgreementKey[1..33], Y = member.AgreementKey[33..65] } });
            var shared = ephemeral.DeriveRawSecretAgreement(memberKey.PublicKey);
            var wrapKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, epk,
                Encoding.UTF8.GetBytes(JsonArray("chatapp/v1/wrap", binding, messageId, member.UserId.ToString(), member.KeyId)));
            var wrapIv = RandomNumberGenerator.GetBytes(12);
            keys.Add([member.UserId.ToString(), member.KeyId, Base64Url(wrapIv), Base64Url(Encrypt(wrapKey, wrapIv, contentKey, null))]);
        }

        var (epkText, ivText, ctText) = (Base64Url(epk), Base64Url(iv), Base64Url(ct));
        var sorted = keys.OrderBy(key => key[0] + key[1], StringComparer.Ordinal).Select(key => "[" + string.Join(",", key.Select(Quote)) + "]");
        var signingInput = "[" + string.Join(",", new[] { "chatapp/v1/signature", binding, messageId, sender, KeyId, epkText, ivText, ctText }.Select(Quote)) + ",[" + string.Join(",", sorted) + "]]";
        var sig = _signing.SignData(Encoding.UTF8.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        return JsonSerializer.Serialize(new
        {
            v = 1,
            sender,
            senderKey = KeyId,
            epk = epkText,
            iv = ivText,
            ct = ctText,
            keys = keys.Select(key => new { to = key[0], key = key[1], iv = key[2], wk = key[3] }),
            sig = Base64Url(sig),
        });
    }

    public void Dispose()
    {
        _agreement.Dispose();
        _signing.Dispose();
    }

    private static byte[] Encrypt(byte[] key, byte[] iv, byte[] plain, byte[]? associatedData)
    {
        using var gcm = new AesGcm(key, 16);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        gcm.Encrypt(iv, plain, cipher, tag, associatedData);
        return [.. cipher, .. tag];
    }

    private static byte[] Point(ECPoint q) => [0x04, .. q.X!, .. q.Y!];

    private static string KeyIdOf(byte[] agreementPublic, byte[] signingPublic) =>
        Base64Url(SHA256.HashData([.. agreementPublic, .. signingPublic])[..16]);

    // JSON.stringify of ASCII strings without quotes, backslashes or control characters: what the app signs.
    private static string Quote(string value) => "\"" + value + "\"";

    private static string JsonArray(params string[] items) => "[" + string.Join(",", items.Select(Quote)) + "]";

    private static string Json(Dictionary<string, string> value) => JsonSerializer.Serialize(value);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4));

    public sealed record Member(Guid UserId, string KeyId, byte[] AgreementKey);
}
