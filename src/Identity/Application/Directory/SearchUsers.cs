using ChatApp.BuildingBlocks.Persistence;
using System.Text;
using Dapper;

namespace ChatApp.Identity.Application.Directory;

/// <summary>Users whose username or display name starts with what was typed, for starting a chat.</summary>
public sealed class SearchUsers(ServiceDatabase database)
{
    public const int MaxResults = 50;

    public async Task<IReadOnlyList<UserProfile>> ExecuteAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var pattern = EscapeLike(prefix.Trim()) + "%";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Usernames are ASCII: a prefix with other letters can only match display names.
        // Two index range scans (username, display name) rather than one OR that reads the table.
        var rows = await connection.QueryAsync<UserProfile>(new CommandDefinition("""
            SELECT id AS Id, username AS Username, display_name AS DisplayName FROM users WHERE username_normalized LIKE @upper
            UNION
            SELECT id, username, display_name FROM users WHERE display_name LIKE @pattern
            ORDER BY Username
            LIMIT @limit
            """, new { upper = Ascii.IsValid(pattern) ? pattern.ToUpperInvariant() : null, pattern, limit = Math.Clamp(limit, 1, MaxResults) }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
