using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Identity.Application.Keys;

/// <summary>
/// Every key set a user has published, newest first (the first is the current one), so that
/// old signatures can still be checked and a change noticed. A user with none (or no such
/// user) has an empty history: the answer does not tell who exists.
/// </summary>
public sealed class ListKeyHistory(ServiceDatabase database)
{
    public async Task<IReadOnlyList<PublicKeyView>> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyStore.KeyRow>(new CommandDefinition(
            $"SELECT {KeyStore.ViewColumns} FROM user_keys WHERE user_id = @userId ORDER BY created_at DESC",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToView())];
    }
}
