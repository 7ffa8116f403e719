using System.Security.Cryptography;
using System.Text;

namespace ChatApp.BuildingBlocks.Eventing;

/// <summary>
/// Seals a secret an event carries (a sign-in code) for its one consumer: AES-256-GCM under a key
/// the AppHost gives the publisher and that consumer alone (<c>EventSealing:Key</c>). The outbox
/// row, the broker's queues and store, the consumer's tables, their logs and backups then hold
/// ciphertext only; the secret is in clear in memory, on its way into the email.
/// The context (the challenge id, an email id) is bound in as associated data, so a sealed value
/// copied into another event or row does not open there.
/// </summary>
public sealed class EventSeal
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <param name="secret">The configured key: at least 32 characters (the AppHost generates letters and digits).</param>
    public EventSeal(string secret)
    {
        if (secret is not { Length: >= 32 })
            throw new ArgumentException("EventSealing:Key must hold at least 32 characters.", nameof(secret));
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "chatapp event seal v1"u8.ToArray());
    }

    /// <summary>The value, sealed: base64 of a version byte, a fresh nonce, the ciphertext and its tag.</summary>
    public string Seal(string value, string context)
    {
        var plaintext = Encoding.UTF8.GetBytes(value);
        var sealedValue = new byte[1 + NonceSize + plaintext.Length + TagSize];
        sealedValue[0] = Version;
        var nonce = sealedValue.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(1 + NonceSize, plaintext.Length), sealedValue.AsSpan(1 + NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(context));
        return Convert.ToBase64String(sealedValue);
    }

    /// <summary>The value inside; null if it was not sealed with this key for this context, or is no sealed value at all.</summary>
    public string? Open(string? sealedValue, string context)
    {
        var bytes = new byte[((sealedValue?.Length ?? 0) * 3 / 4) + 3];
        if (sealedValue is null || !Convert.TryFromBase64String(sealedValue, bytes, out var length)
            || length < 1 + NonceSize + TagSize || bytes[0] != Version)
            return null;

        var ciphertextLength = length - 1 - NonceSize - TagSize;
        var plaintext = new byte[ciphertextLength];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(bytes.AsSpan(1, NonceSize), bytes.AsSpan(1 + NonceSize, ciphertextLength), bytes.AsSpan(1 + NonceSize + ciphertextLength, TagSize),
                plaintext, Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plaintext);
    }
}
