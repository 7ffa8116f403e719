using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Identity.Application.Keys;

/// <summary>The current key set of each of a batch of users, in the order asked; users without one are left out.</summary>
public sealed class LookUpKeys(ServiceDatabase database)
{
    public const int MaxBatch = 256;

    public async Task<IReadOnlyList<PublicKeyView>> ExecuteAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyStore.KeyRow>(new CommandDefinition(
            $"SELECT {KeyStore.ViewColumns} FROM user_keys WHERE user_id IN @ids AND replaced_at IS NULL",
            new { ids = ids.Select(id => id.ToString()).ToList() }, cancellationToken: cancellationToken));
        var byUser = rows.ToDictionary(row => row.UserId);
        return [.. ids.Where(byUser.ContainsKey).Select(id => byUser[id].ToView())];
    }
}
