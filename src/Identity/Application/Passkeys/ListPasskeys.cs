using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Identity.Application.Passkeys;

public sealed record PasskeyView(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

/// <summary>My passkeys, newest first.</summary>
public sealed class ListPasskeys(ServiceDatabase database)
{
    public async Task<IReadOnlyList<PasskeyView>> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(byte[] CredentialId, string Name, DateTime CreatedAt, DateTime? LastUsedAt)>(new CommandDefinition(
            "SELECT credential_id, name, created_at, last_used_at FROM passkeys WHERE user_id = @userId ORDER BY created_at DESC",
            new { userId }, cancellationToken: cancellationToken));
        return rows.Select(row => new PasskeyView(PasskeyStore.Display(row.CredentialId), row.Name,
            new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), row.LastUsedAt is { } used ? new DateTimeOffset(used, TimeSpan.Zero) : null)).ToList();
    }
}
