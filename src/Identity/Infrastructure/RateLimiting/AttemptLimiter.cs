using System.Security.Cryptography;
using System.Text;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Security;
using Dapper;

namespace ChatApp.Identity.Infrastructure.RateLimiting;

/// <summary>
/// Sliding-window attempt limits in the database, so that a limit holds across every replica of
/// the service (an in-process limiter would give each replica its own allowance). Each admitted
/// attempt is a row; an attempt is admitted while fewer than the limit were admitted in the window
/// ending now, so no stretch of the window's length ever holds more than the limit. Refused
/// attempts are not stored: the table holds at most the limit per bucket, and a refused client
/// gets in again exactly when its oldest admitted attempt leaves the window.
/// </summary>
public sealed class AttemptLimiter(ServiceDatabase database, TimeProvider clock) : IAttemptLimiter
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    public async Task<TimeSpan?> HitAsync(string bucket, RateLimit limit, CancellationToken cancellationToken)
    {
        if (limit.Permits <= 0 || limit.Window <= TimeSpan.Zero)
            return null;

        var name = Truncate(bucket);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One hit at a time per bucket across replicas, so two cannot both see room for one more.
        var locked = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT GET_LOCK(@lockName, @timeout)", new { lockName = LockName(name), timeout = (int)LockTimeout.TotalSeconds }, cancellationToken: cancellationToken));
        if (locked != 1)
            throw new TimeoutException($"The attempt counter {name} stayed locked for {LockTimeout}.");
        try
        {
            var now = clock.GetUtcNow();
            var admitted = (await connection.QueryAsync<DateTime>(new CommandDefinition(
                "SELECT attempted_at FROM rate_limit_attempts WHERE bucket = @bucket AND attempted_at > @since ORDER BY attempted_at",
                new { bucket = name, since = (now - limit.Window).UtcDateTime }, cancellationToken: cancellationToken))).ToList();
            if (admitted.Count >= limit.Permits)
            {
                // The attempt whose leaving the window makes room for one more (the oldest, unless the limit was lowered).
                var leaving = new DateTimeOffset(DateTime.SpecifyKind(admitted[admitted.Count - limit.Permits], DateTimeKind.Utc));
                return leaving + limit.Window - now;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO rate_limit_attempts (bucket, attempted_at) VALUES (@bucket, @now)",
                new { bucket = name, now = now.UtcDateTime }, cancellationToken: cancellationToken));
            return null;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT RELEASE_LOCK(@lockName)", new { lockName = LockName(name) }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>Forgets attempts older than the longest window, so the table stays as small as the recent traffic.</summary>
    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM rate_limit_attempts WHERE attempted_at < @cutoff",
            new { cutoff = (clock.GetUtcNow() - olderThan).UtcDateTime }, cancellationToken: cancellationToken));
    }

    private static string Truncate(string bucket) => bucket.Length > 190 ? bucket[..190] : bucket;

    /// <summary>MySQL lock names hold 64 characters at most; the bucket's digest fits and is unique enough.</summary>
    private static string LockName(string bucket) => "rate-limit:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bucket)))[..40];
}
