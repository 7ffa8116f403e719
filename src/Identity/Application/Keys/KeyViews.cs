using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Keys;

/// <summary>
/// One published key set, as any signed-in user may see it. The keys are base64url (no padding)
/// of the raw uncompressed P-256 points; <paramref name="CreatedAt"/> is when it was published
/// (made current) last.
/// </summary>
public sealed record PublicKeyView(Guid UserId, string KeyId, string AgreementKey, string SigningKey, DateTimeOffset CreatedAt)
{
    internal static PublicKeyView Of(Guid userId, PublicKeySet keys, DateTimeOffset createdAt) =>
        new(userId, keys.KeyId, KeyEncoding.Encode(keys.AgreementKey), KeyEncoding.Encode(keys.SigningKey), createdAt);
}

/// <summary>My encrypted key backup exactly as my browser stored it; the binary fields are base64url (no padding).</summary>
public sealed record KeyBackupView(string KeyId, string Salt, int Iterations, string Iv, string Ciphertext, DateTimeOffset UpdatedAt);
