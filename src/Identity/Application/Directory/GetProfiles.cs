using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Identity.Application.Directory;

/// <summary>Profiles for a batch of user ids; ids that name nobody are left out.</summary>
public sealed class GetProfiles(ServiceDatabase database)
{
    public const int MaxBatch = 100;

    public async Task<IReadOnlyList<UserProfile>> ExecuteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return [];
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserProfile>(new CommandDefinition(
            "SELECT id AS Id, username AS Username, display_name AS DisplayName FROM users WHERE id IN @ids",
            new { ids = ids.Distinct().Select(id => id.ToString()).ToList() }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
