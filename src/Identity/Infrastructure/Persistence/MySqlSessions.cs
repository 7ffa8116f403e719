using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Sessions;
using Dapper;

namespace ChatApp.Identity.Infrastructure.Persistence;

/// <summary>Sessions in the sessions table, their refresh tokens (hashes only) in refresh_tokens.</summary>
internal sealed class MySqlSessions(ServiceDatabase database) : ISessions
{
    public Task StartAsync(IUnitOfWork unitOfWork, NewSession session, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            INSERT INTO sessions (id, user_id, user_agent, client_address, created_at, last_used_at, expires_at)
            VALUES (@sessionId, @userId, @userAgent, @address, @now, @now, @expiresAt);
            INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (@tokenHash, @sessionId, @now);
            """,
            new
            {
                sessionId = session.Id,
                userId = session.UserId,
                userAgent = session.Client.UserAgent,
                address = session.Client.Address,
                now = session.Now.UtcDateTime,
                expiresAt = session.ExpiresAt.UtcDateTime,
                tokenHash = session.RefreshTokenHash,
            }, cancellationToken);

    public async Task<RefreshTokenState?> LockRefreshTokenAsync(IUnitOfWork unitOfWork, byte[] tokenHash, CancellationToken cancellationToken)
    {
        var row = await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<TokenRow>("""
            SELECT t.session_id, t.replaced_at, s.user_id, s.expires_at, s.revoked_at
            FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
            WHERE t.token_hash = @hash
            FOR UPDATE
            """, new { hash = tokenHash }, cancellationToken);
        return row is null ? null : new RefreshTokenState(row.SessionId, row.UserId, row.ReplacedAt is not null, new DateTimeOffset(row.ExpiresAt, TimeSpan.Zero), row.RevokedAt is not null);
    }

    public Task RotateRefreshTokenAsync(IUnitOfWork unitOfWork, RefreshTokenRotation rotation, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            UPDATE refresh_tokens SET replaced_at = @now WHERE token_hash = @oldHash;
            INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (@newHash, @sessionId, @now);
            UPDATE sessions SET last_used_at = @now, expires_at = @expiresAt, client_address = @address, user_agent = @userAgent WHERE id = @sessionId;
            """,
            new
            {
                now = rotation.Now.UtcDateTime,
                oldHash = rotation.OldTokenHash,
                newHash = rotation.NewTokenHash,
                sessionId = rotation.SessionId,
                expiresAt = rotation.ExpiresAt.UtcDateTime,
                address = rotation.Client.Address,
                userAgent = rotation.Client.UserAgent,
            }, cancellationToken);

    public Task<IReadOnlyList<Guid>> RevokeAsync(IUnitOfWork unitOfWork, Guid userId, Guid sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        RevokeWhereAsync(unitOfWork, "id = @sessionId AND user_id = @userId", new { sessionId, userId }, reason, now, cancellationToken);

    public Task<IReadOnlyList<Guid>> RevokeAllAsync(IUnitOfWork unitOfWork, Guid userId, Guid? keep, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        RevokeWhereAsync(unitOfWork, "user_id = @userId AND (@keep IS NULL OR id <> @keep)", new { userId, keep }, reason, now, cancellationToken);

    private static async Task<IReadOnlyList<Guid>> RevokeWhereAsync(
        IUnitOfWork unitOfWork, string condition, object parameters, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        // Locked, so a concurrent revocation waits and then finds them revoked: each session is
        // announced as ended exactly once.
        var sessionIds = (await transaction.QueryAsync<Guid>(
            $"SELECT id FROM sessions WHERE {condition} AND revoked_at IS NULL FOR UPDATE", parameters, cancellationToken)).ToList();
        if (sessionIds.Count == 0)
            return [];

        await transaction.ExecuteAsync(
            "UPDATE sessions SET revoked_at = @now, revoked_reason = @reason WHERE id IN @sessionIds",
            new { sessionIds, reason, now = now.UtcDateTime }, cancellationToken);
        return sessionIds;
    }

    public async Task<IReadOnlyList<LiveSession>> ListLiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, string UserAgent, string ClientAddress, DateTime CreatedAt, DateTime LastUsedAt)>(new CommandDefinition("""
            SELECT id, user_agent, client_address, created_at, last_used_at FROM sessions
            WHERE user_id = @userId AND revoked_at IS NULL AND expires_at > @now
            ORDER BY last_used_at DESC
            """, new { userId, now = now.UtcDateTime }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => new LiveSession(row.Id, row.UserAgent, row.ClientAddress,
            new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), new DateTimeOffset(row.LastUsedAt, TimeSpan.Zero)))];
    }

    private sealed record TokenRow(Guid SessionId, DateTime? ReplacedAt, Guid UserId, DateTime ExpiresAt, DateTime? RevokedAt);
}
