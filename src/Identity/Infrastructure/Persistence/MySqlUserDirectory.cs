using System.Text;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Directory;
using Dapper;

namespace ChatApp.Identity.Infrastructure.Persistence;

/// <summary>Profiles from the users table.</summary>
internal sealed class MySqlUserDirectory(ServiceDatabase database) : IUserDirectory
{
    public async Task<IReadOnlyList<UserProfile>> SearchAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var pattern = EscapeLike(prefix) + "%";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Usernames are ASCII: a prefix with other letters can only match display names.
        // Two index range scans (username, display name) rather than one OR that reads the table.
        var rows = await connection.QueryAsync<UserProfile>(new CommandDefinition("""
            SELECT id AS Id, username AS Username, display_name AS DisplayName FROM users WHERE username_normalized LIKE @upper
            UNION
            SELECT id, username, display_name FROM users WHERE display_name LIKE @pattern
            ORDER BY Username
            LIMIT @limit
            """, new { upper = Ascii.IsValid(pattern) ? pattern.ToUpperInvariant() : null, pattern, limit }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<IReadOnlyList<UserProfile>> GetProfilesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserProfile>(new CommandDefinition(
            "SELECT id AS Id, username AS Username, display_name AS DisplayName FROM users WHERE id IN @ids",
            new { ids = ids.Select(id => id.ToString()).ToList() }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
