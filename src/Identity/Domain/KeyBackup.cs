namespace ChatApp.Identity.Domain;

/// <summary>
/// A person's private keys, encrypted in their browser under a key derived from a passphrase we
/// never see (PBKDF2 with <see cref="Salt"/> and <see cref="Iterations"/>, then AES-GCM with
/// <see cref="Iv"/>). To us it is opaque bytes; we only check the sizes and that it names one of
/// the person's published key sets.
/// </summary>
public sealed class KeyBackup
{
    public const int MinSaltLength = 16;
    public const int MaxSaltLength = 64;
    public const int MinIterations = 600_000;
    public const int MaxIterations = 10_000_000;
    public const int IvLength = 12;
    public const int MaxCiphertextLength = 16 * 1024;

    private KeyBackup(string keyId, byte[] salt, int iterations, byte[] iv, byte[] ciphertext)
    {
        KeyId = keyId;
        Salt = salt;
        Iterations = iterations;
        Iv = iv;
        Ciphertext = ciphertext;
    }

    public string KeyId { get; }

    public byte[] Salt { get; }

    public int Iterations { get; }

    public byte[] Iv { get; }

    public byte[] Ciphertext { get; }

    public static bool IsSalt(string? salt) =>
        KeyEncoding.TryDecode(salt, MaxSaltLength, out var bytes) && bytes.Length >= MinSaltLength;

    public static bool IsIterations(int? iterations) => iterations is >= MinIterations and <= MaxIterations;

    public static bool IsIv(string? iv) => KeyEncoding.TryDecode(iv, IvLength, out var bytes) && bytes.Length == IvLength;

    public static bool IsCiphertext(string? ciphertext) => KeyEncoding.TryDecode(ciphertext, MaxCiphertextLength, out _);

    public static KeyBackup Parse(string keyId, string salt, int iterations, string iv, string ciphertext) =>
        PublicKeySet.IsKeyId(keyId) && IsSalt(salt) && IsIterations(iterations) && IsIv(iv) && IsCiphertext(ciphertext)
            ? new KeyBackup(keyId, Decode(salt), iterations, Decode(iv), Decode(ciphertext))
            : throw new ArgumentException("Not a valid key backup.");

    public static byte[] Decode(string valid) =>
        KeyEncoding.TryDecode(valid, MaxCiphertextLength, out var bytes) ? bytes : throw new ArgumentException("Not base64url.", nameof(valid));
}
