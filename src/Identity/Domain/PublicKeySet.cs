using System.Security.Cryptography;

namespace ChatApp.Identity.Domain;

/// <summary>
/// A person's end-to-end encryption public keys, made in their browser (WebCrypto), whose private
/// halves never leave it: an ECDH P-256 key others encrypt to and an ECDSA P-256 key that checks
/// the person's signatures. Each is the raw uncompressed point (65 bytes, 0x04 ‖ X ‖ Y) and must
/// lie on the curve. The set is named by its <see cref="KeyId"/>: base64url of the first 16 bytes
/// of SHA-256(agreement key ‖ signing key), which the client computes and we check.
/// </summary>
public sealed class PublicKeySet
{
    public const int PointLength = 65;
    public const int KeyIdLength = 22;
    private const int KeyIdBytes = 16;

    private PublicKeySet(string keyId, byte[] agreementKey, byte[] signingKey)
    {
        KeyId = keyId;
        AgreementKey = agreementKey;
        SigningKey = signingKey;
    }

    public string KeyId { get; }

    public byte[] AgreementKey { get; }

    public byte[] SigningKey { get; }

    /// <summary>Whether <paramref name="keyId"/> has the form of a key id (it may still name no keys).</summary>
    public static bool IsKeyId(string? keyId) =>
        keyId is { Length: KeyIdLength } && KeyEncoding.TryDecode(keyId, KeyIdBytes, out _);

    /// <summary>Whether <paramref name="text"/> is base64url of an uncompressed P-256 point that is on the curve.</summary>
    public static bool IsPublicKey(string? text) => TryDecodePoint(text, out _);

    /// <summary>The key id of two valid keys, as the client should have computed it.</summary>
    public static string KeyIdOf(string agreementKey, string signingKey) =>
        TryDecodePoint(agreementKey, out var agreement) && TryDecodePoint(signingKey, out var signing)
            ? KeyIdOf(agreement, signing)
            : throw new ArgumentException("Both keys must be valid P-256 public keys.");

    public static PublicKeySet Parse(string keyId, string agreementKey, string signingKey)
    {
        if (!TryDecodePoint(agreementKey, out var agreement) || !TryDecodePoint(signingKey, out var signing))
            throw new ArgumentException("Both keys must be valid P-256 public keys.");
        return KeyIdOf(agreement, signing) == keyId
            ? new PublicKeySet(keyId, agreement, signing)
            : throw new ArgumentException($"'{keyId}' is not the key id of these keys.", nameof(keyId));
    }

    private static string KeyIdOf(byte[] agreement, byte[] signing) =>
        KeyEncoding.Encode(SHA256.HashData([.. agreement, .. signing]).AsSpan(0, KeyIdBytes));

    private static bool TryDecodePoint(string? text, out byte[] point)
    {
        point = [];
        if (!KeyEncoding.TryDecode(text, PointLength, out var bytes) || bytes is not [0x04, ..] || bytes.Length != PointLength)
            return false;
        try
        {
            // The import checks that the point is on the curve (and its coordinates in range).
            using var key = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = bytes[1..33], Y = bytes[33..PointLength] },
            });
        }
        catch (CryptographicException)
        {
            return false;
        }

        point = bytes;
        return true;
    }
}
