using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Identity.Application.Sessions;

public sealed record SessionView(Guid Id, string UserAgent, string ClientAddress, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, bool IsCurrent);

/// <summary>My live sessions (signed in, not revoked, not expired), most recently used first.</summary>
public sealed class ListSessions(ServiceDatabase database, TimeProvider clock)
{
    public async Task<IReadOnlyList<SessionView>> ExecuteAsync(Guid userId, Guid currentSessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, string UserAgent, string ClientAddress, DateTime CreatedAt, DateTime LastUsedAt)>(new CommandDefinition("""
            SELECT id, user_agent, client_address, created_at, last_used_at FROM sessions
            WHERE user_id = @userId AND revoked_at IS NULL AND expires_at > @now
            ORDER BY last_used_at DESC
            """, new { userId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
        return rows.Select(row => new SessionView(row.Id, row.UserAgent, row.ClientAddress,
            new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), new DateTimeOffset(row.LastUsedAt, TimeSpan.Zero), row.Id == currentSessionId)).ToList();
    }
}
