using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Passkeys;
using Dapper;

namespace ChatApp.Identity.Infrastructure.Persistence;

/// <summary>Passkeys in the passkeys table, ceremonies' options in webauthn_ceremonies.</summary>
internal sealed class MySqlPasskeys(ServiceDatabase database) : IPasskeys
{
    public async Task<IReadOnlyList<StoredPasskey>> OfUserAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken) =>
        [.. await UnitOfWork.Of(unitOfWork).QueryAsync<StoredPasskey>(
            "SELECT credential_id AS CredentialId, user_id AS UserId, public_key AS PublicKey, sign_count AS SignCount FROM passkeys WHERE user_id = @userId FOR UPDATE",
            new { userId }, cancellationToken)];

    public async Task<bool> IsUnusedAsync(IUnitOfWork unitOfWork, byte[] credentialId, CancellationToken cancellationToken) =>
        await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<int?>("SELECT 1 FROM passkeys WHERE credential_id = @credentialId", new { credentialId }, cancellationToken) is null;

    public Task AddAsync(IUnitOfWork unitOfWork, Guid userId, NewPasskey passkey, string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            INSERT INTO passkeys (credential_id, user_id, public_key, sign_count, name, created_at) VALUES (@credentialId, @userId, @publicKey, @signCount, @name, @now)
            """, new { credentialId = passkey.CredentialId, userId, publicKey = passkey.PublicKey, signCount = (long)passkey.SignCount, name, now = now.UtcDateTime }, cancellationToken);

    public Task MarkUsedAsync(IUnitOfWork unitOfWork, byte[] credentialId, uint signCount, DateTimeOffset now, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("UPDATE passkeys SET sign_count = @signCount, last_used_at = @now WHERE credential_id = @credentialId",
            new { credentialId, signCount = (long)signCount, now = now.UtcDateTime }, cancellationToken);

    public async Task<bool> RemoveAsync(IUnitOfWork unitOfWork, Guid userId, byte[] credentialId, CancellationToken cancellationToken) =>
        await UnitOfWork.Of(unitOfWork).ExecuteAsync("DELETE FROM passkeys WHERE credential_id = @credentialId AND user_id = @userId", new { credentialId, userId }, cancellationToken) > 0;

    public async Task<IReadOnlyList<PasskeyView>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(byte[] CredentialId, string Name, DateTime CreatedAt, DateTime? LastUsedAt)>(new CommandDefinition(
            "SELECT credential_id, name, created_at, last_used_at FROM passkeys WHERE user_id = @userId ORDER BY created_at DESC",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => new PasskeyView(PasskeyIds.Display(row.CredentialId), row.Name,
            new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), row.LastUsedAt is { } used ? new DateTimeOffset(used, TimeSpan.Zero) : null))];
    }

    public Task SaveCeremonyAsync(IUnitOfWork unitOfWork, Guid ceremonyId, Guid userId, string optionsJson, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            REPLACE INTO webauthn_ceremonies (id, user_id, options, expires_at) VALUES (@id, @userId, @optionsJson, @expiresAt)
            """, new { id = ceremonyId, userId, optionsJson, expiresAt = expiresAt.UtcDateTime }, cancellationToken);

    public async Task<string?> TakeCeremonyAsync(IUnitOfWork unitOfWork, Guid ceremonyId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        var options = await transaction.QuerySingleOrDefaultAsync<string>(
            "SELECT options FROM webauthn_ceremonies WHERE id = @id AND user_id = @userId AND expires_at > @now FOR UPDATE",
            new { id = ceremonyId, userId, now = now.UtcDateTime }, cancellationToken);
        await transaction.ExecuteAsync("DELETE FROM webauthn_ceremonies WHERE id = @id", new { id = ceremonyId }, cancellationToken);
        return options;
    }
}
