using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChatApp.BuildingBlocks.Secrets;

/// <summary>
/// Encrypts key-ring entries with the current key-encryption key (AES-256-GCM) and decrypts
/// them with whichever configured KEK their envelope names. Each KEK's AES key is derived from
/// its configured value with HKDF-SHA256, so any random text of 32 characters or more will do
/// (<c>openssl rand -base64 32</c>, or Aspire's generated parameters).
/// </summary>
public sealed partial class KeyEncryptionKeys
{
    public const string EnvelopeName = "encryptedWithKeyEncryptionKey";
    public const string KeyIdAttribute = "keyId";
    private const int MinimumValueLength = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] DerivationInfo = "ChatApp data protection key-encryption key"u8.ToArray();

    private readonly Dictionary<string, byte[]> _keys;

    public KeyEncryptionKeys(KeyEncryptionKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = KeyEncryptionKeyOptions.Section;
        if (options.KeyEncryptionKeys.Count == 0)
            throw new InvalidOperationException(
                $"{section}:KeyEncryptionKeys is empty: the service keeps its secrets encrypted and needs at least one key-encryption key "
                + $"({section}:KeyEncryptionKeys:<id> = 32 or more random characters, and {section}:CurrentKeyEncryptionKeyId = <id>). The AppHost provides one.");
        foreach (var (id, value) in options.KeyEncryptionKeys)
        {
            if (!ValidId().IsMatch(id))
                throw new InvalidOperationException($"{section}:KeyEncryptionKeys:{id}: an id is 1 to 32 letters, digits or underscores.");
            if (value is not { Length: >= MinimumValueLength })
                throw new InvalidOperationException($"{section}:KeyEncryptionKeys:{id} is shorter than {MinimumValueLength} characters; use random text such as `openssl rand -base64 32`.");
        }

        _keys = options.KeyEncryptionKeys.ToDictionary(
            pair => pair.Key,
            pair => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(pair.Value), 32, salt: [], info: DerivationInfo),
            StringComparer.OrdinalIgnoreCase);
        CurrentId = options.CurrentKeyEncryptionKeyId is { Length: > 0 } current && _keys.ContainsKey(current)
            ? _keys.Keys.First(id => string.Equals(id, current, StringComparison.OrdinalIgnoreCase))
            : throw new InvalidOperationException(
                $"{section}:CurrentKeyEncryptionKeyId is '{options.CurrentKeyEncryptionKeyId}', which is not one of {section}:KeyEncryptionKeys ({string.Join(", ", _keys.Keys)}).");
    }

    /// <summary>The KEK that encrypts new entries.</summary>
    public string CurrentId { get; }

    /// <summary>The KEK an envelope made by <see cref="Encrypt"/> was encrypted with.</summary>
    public static string KeyIdOf(XElement envelope) =>
        envelope.Attribute(KeyIdAttribute)?.Value ?? throw new InvalidOperationException($"A key-ring entry's <{EnvelopeName}> names no {KeyIdAttribute}.");

    /// <summary>Encrypts an element of the key ring under the current KEK; the envelope records which KEK that was.</summary>
    public XElement Encrypt(XElement plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + clear.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_keys[CurrentId], TagSize))
            aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length), AssociatedData(CurrentId));
        CryptographicOperations.ZeroMemory(clear);
        return new XElement(EnvelopeName,
            new XAttribute(KeyIdAttribute, CurrentId),
            new XAttribute("algorithm", "AES-256-GCM"),
            new XComment(" A Data Protection key, encrypted with the key-encryption key named above (from configuration). "),
            Convert.ToBase64String(sealedBytes));
    }

    /// <summary>Decrypts an envelope made by <see cref="Encrypt"/>; fails, saying what to do, when its KEK is not configured or not the same.</summary>
    public XElement Decrypt(XElement envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var id = KeyIdOf(envelope);
        if (!_keys.TryGetValue(id, out var key))
            throw new InvalidOperationException(
                $"A Data Protection key of this service is encrypted with key-encryption key '{id}', which is not configured "
                + $"(configured: {string.Join(", ", _keys.Keys)}). Put it back in {KeyEncryptionKeyOptions.Section}:KeyEncryptionKeys:{id} "
                + "until every replica has started once with the new key (which re-encrypts the key ring), then remove it.");
        var sealedBytes = Convert.FromBase64String(envelope.Value);
        if (sealedBytes.Length < NonceSize + TagSize)
            throw new InvalidOperationException($"A Data Protection key's envelope under key-encryption key '{id}' is truncated.");
        var clear = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length), clear, AssociatedData(id));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new InvalidOperationException(
                $"A Data Protection key could not be decrypted with key-encryption key '{id}': the configured value of "
                + $"{KeyEncryptionKeyOptions.Section}:KeyEncryptionKeys:{id} is not the one it was encrypted with.", ex);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(clear));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    /// <summary>Binds the ciphertext to its KEK id: an envelope cannot be relabelled as another KEK's.</summary>
    private static byte[] AssociatedData(string id) => Encoding.UTF8.GetBytes($"ChatApp key ring/{id.ToUpperInvariant()}");

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$")]
    private static partial Regex ValidId();
}
