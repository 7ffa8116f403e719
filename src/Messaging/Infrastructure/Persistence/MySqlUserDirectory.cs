using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Users;
using Dapper;

namespace ChatApp.Messaging.Infrastructure.Persistence;

/// <summary>The <c>users</c> projection of Identity's events, with when each was last online.</summary>
internal sealed class MySqlUserDirectory(ServiceDatabase database) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, KnownUser>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
            return new Dictionary<Guid, KnownUser>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            "SELECT id, username, display_name, last_seen_at FROM users WHERE id IN @userIds", new { userIds }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.Id, row => new KnownUser(row.Id, row.Username, row.DisplayName, Times.Utc(row.LastSeenAt)));
    }

    public async Task<IReadOnlySet<Guid>> WhichAreKnownAsync(IUnitOfWork unitOfWork, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0
            ? new HashSet<Guid>()
            : (await UnitOfWork.Of(unitOfWork).QueryAsync<Guid>("SELECT id FROM users WHERE id IN @userIds", new { userIds }, cancellationToken)).ToHashSet();

    public async Task MarkLastSeenAsync(IReadOnlyCollection<Guid> userIds, DateTimeOffset at)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE users SET last_seen_at = @now WHERE id IN @userIds", new { now = at.UtcDateTime, userIds });
    }

    private sealed record UserRow(Guid Id, string Username, string DisplayName, DateTime? LastSeenAt);
}
