using ChatApp.BuildingBlocks.Eventing;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>A stored passkey: its credential id, public key and signature counter.</summary>
public sealed record StoredPasskey(byte[] CredentialId, Guid UserId, byte[] PublicKey, long SignCount);

/// <summary>Reading and writing passkeys inside a unit of work. Credential ids travel as base64url.</summary>
public static class PasskeyStore
{
    public static string Display(byte[] credentialId) => Base64UrlEncoder.Encode(credentialId);

    public static async Task<bool> IsUnusedAsync(UnitOfWork unitOfWork, byte[] credentialId, CancellationToken cancellationToken) =>
        await unitOfWork.QuerySingleOrDefaultAsync<int?>("SELECT 1 FROM passkeys WHERE credential_id = @credentialId", new { credentialId }, cancellationToken) is null;

    public static Task AddAsync(UnitOfWork unitOfWork, Guid userId, byte[] credentialId, byte[] publicKey, uint signCount, string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync("""
            INSERT INTO passkeys (credential_id, user_id, public_key, sign_count, name, created_at) VALUES (@credentialId, @userId, @publicKey, @signCount, @name, @now)
            """, new { credentialId, userId, publicKey, signCount = (long)signCount, name, now = now.UtcDateTime }, cancellationToken);

    public static Task<IEnumerable<StoredPasskey>> OfUserAsync(UnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken) =>
        unitOfWork.QueryAsync<StoredPasskey>(
            "SELECT credential_id AS CredentialId, user_id AS UserId, public_key AS PublicKey, sign_count AS SignCount FROM passkeys WHERE user_id = @userId FOR UPDATE",
            new { userId }, cancellationToken);

    public static Task MarkUsedAsync(UnitOfWork unitOfWork, byte[] credentialId, uint signCount, DateTimeOffset now, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync("UPDATE passkeys SET sign_count = @signCount, last_used_at = @now WHERE credential_id = @credentialId",
            new { credentialId, signCount = (long)signCount, now = now.UtcDateTime }, cancellationToken);
}
