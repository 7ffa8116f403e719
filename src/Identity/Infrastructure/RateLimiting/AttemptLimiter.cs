using ChatApp.BuildingBlocks.Persistence;
using Dapper;

namespace ChatApp.Identity.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window attempt counters in the database, so that a limit holds across every replica
/// of the service (an in-process limiter would give each replica its own allowance).
/// </summary>
public sealed class AttemptLimiter(ServiceDatabase database, TimeProvider clock)
{
    /// <summary>Counts one attempt against <paramref name="bucket"/>; says when to retry if the limit is exceeded.</summary>
    public async Task<TimeSpan?> HitAsync(string bucket, RateLimit limit, CancellationToken cancellationToken)
    {
        if (limit.Permits <= 0 || limit.Window <= TimeSpan.Zero)
            return null;

        var now = clock.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - now.UtcTicks % limit.Window.Ticks, TimeSpan.Zero);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // LAST_INSERT_ID(expr) hands the new count back from the same statement, atomically.
        var hits = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (@bucket, @windowStart, LAST_INSERT_ID(1))
            ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1);
            SELECT LAST_INSERT_ID();
            """, new { bucket = Truncate(bucket), windowStart = windowStart.UtcDateTime }, cancellationToken: cancellationToken));
        return hits > limit.Permits ? windowStart + limit.Window - now : null;
    }

    /// <summary>Forgets windows that ended, so the table stays as small as the traffic of the last hour.</summary>
    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM rate_limit_windows WHERE window_start < @cutoff",
            new { cutoff = (clock.GetUtcNow() - olderThan).UtcDateTime }, cancellationToken: cancellationToken));
    }

    private static string Truncate(string bucket) => bucket.Length > 190 ? bucket[..190] : bucket;
}
