using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Keys;
using ChatApp.Identity.Domain;
using Dapper;

namespace ChatApp.Identity.Infrastructure.Persistence;

/// <summary>Key sets in user_keys, backups in key_backups.</summary>
internal sealed class MySqlUserKeys(ServiceDatabase database) : IUserKeys
{
    private const string ViewColumns = "user_id AS UserId, key_id AS KeyId, agreement_key AS AgreementKey, signing_key AS SigningKey, created_at AS CreatedAt";

    public async Task<PublicKeyView?> FindCurrentAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken) =>
        (await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<KeyRow>(
            $"SELECT {ViewColumns} FROM user_keys WHERE user_id = @userId AND replaced_at IS NULL", new { userId }, cancellationToken))?.ToView();

    public async Task PublishAsync(IUnitOfWork unitOfWork, Guid userId, PublicKeySet keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        await transaction.ExecuteAsync("UPDATE user_keys SET replaced_at = @now WHERE user_id = @userId AND replaced_at IS NULL",
            new { userId, now = now.UtcDateTime }, cancellationToken);
        await transaction.ExecuteAsync("""
            INSERT INTO user_keys (user_id, key_id, agreement_key, signing_key, created_at, replaced_at)
            VALUES (@userId, @keyId, @agreementKey, @signingKey, @now, NULL)
            ON DUPLICATE KEY UPDATE created_at = @now, replaced_at = NULL
            """, new { userId, keyId = keys.KeyId, agreementKey = keys.AgreementKey, signingKey = keys.SigningKey, now = now.UtcDateTime }, cancellationToken);
    }

    public async Task<bool> IsPublishedAsync(IUnitOfWork unitOfWork, Guid userId, string keyId, CancellationToken cancellationToken) =>
        await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<int?>("SELECT 1 FROM user_keys WHERE user_id = @userId AND key_id = @keyId",
            new { userId, keyId }, cancellationToken) is not null;

    public async Task<IReadOnlyList<PublicKeyView>> HistoryAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"SELECT {ViewColumns} FROM user_keys WHERE user_id = @userId ORDER BY created_at DESC",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToView())];
    }

    public async Task<IReadOnlyList<PublicKeyView>> CurrentOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"SELECT {ViewColumns} FROM user_keys WHERE user_id IN @ids AND replaced_at IS NULL",
            new { ids = userIds.Select(id => id.ToString()).ToList() }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToView())];
    }

    public Task SaveBackupAsync(IUnitOfWork unitOfWork, Guid userId, KeyBackup backup, DateTimeOffset now, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            INSERT INTO key_backups (user_id, key_id, salt, iterations, iv, ciphertext, updated_at)
            VALUES (@userId, @keyId, @salt, @iterations, @iv, @ciphertext, @now)
            ON DUPLICATE KEY UPDATE key_id = @keyId, salt = @salt, iterations = @iterations, iv = @iv, ciphertext = @ciphertext, updated_at = @now
            """, new { userId, keyId = backup.KeyId, salt = backup.Salt, iterations = backup.Iterations, iv = backup.Iv, ciphertext = backup.Ciphertext, now = now.UtcDateTime },
            cancellationToken);

    public async Task<KeyBackupView?> FindBackupAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BackupRow>(new CommandDefinition("""
            SELECT key_id AS KeyId, salt AS Salt, iterations AS Iterations, iv AS Iv, ciphertext AS Ciphertext, updated_at AS UpdatedAt
            FROM key_backups WHERE user_id = @userId
            """, new { userId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new KeyBackupView(row.KeyId, KeyEncoding.Encode(row.Salt), row.Iterations, KeyEncoding.Encode(row.Iv), KeyEncoding.Encode(row.Ciphertext),
                new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero));
    }

    private sealed record KeyRow(Guid UserId, string KeyId, byte[] AgreementKey, byte[] SigningKey, DateTime CreatedAt)
    {
        public PublicKeyView ToView() =>
            new(UserId, KeyId, KeyEncoding.Encode(AgreementKey), KeyEncoding.Encode(SigningKey), new DateTimeOffset(CreatedAt, TimeSpan.Zero));
    }

    private sealed record BackupRow(string KeyId, byte[] Salt, int Iterations, byte[] Iv, byte[] Ciphertext, DateTime UpdatedAt);
}
