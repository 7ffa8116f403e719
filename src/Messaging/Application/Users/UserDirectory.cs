using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Messaging.Application.Users;

/// <summary>A user as Messaging knows them, from Identity's events.</summary>
public sealed record KnownUser(Guid Id, string Username, string DisplayName, DateTimeOffset? LastSeenAt);

/// <summary>Names of users from the local projection: the hot path never asks Identity.</summary>
public static class UserDirectory
{
    public static async Task<IReadOnlyDictionary<Guid, KnownUser>> FindAsync(ServiceDatabase database, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
            return new Dictionary<Guid, KnownUser>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            "SELECT id, username, display_name, last_seen_at FROM users WHERE id IN @userIds", new { userIds }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.Id, row => new KnownUser(row.Id, row.Username, row.DisplayName, Times.Utc(row.LastSeenAt)));
    }

    private sealed record UserRow(Guid Id, string Username, string DisplayName, DateTime? LastSeenAt);
}
