using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Keys;

/// <summary>Reading the key tables. Rows are never deleted: a replaced key set stays, to check old signatures with.</summary>
internal static class KeyStore
{
    public const string ViewColumns = "user_id AS UserId, key_id AS KeyId, agreement_key AS AgreementKey, signing_key AS SigningKey, created_at AS CreatedAt";

    public static PublicKeyView ToView(this KeyRow row) =>
        new(row.UserId, row.KeyId, KeyEncoding.Encode(row.AgreementKey), KeyEncoding.Encode(row.SigningKey), new DateTimeOffset(row.CreatedAt, TimeSpan.Zero));

    internal sealed record KeyRow(Guid UserId, string KeyId, byte[] AgreementKey, byte[] SigningKey, DateTime CreatedAt);
}
