using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Infrastructure.Devices;
using ChatApp.Identity.Infrastructure.RateLimiting;
using Dapper;

namespace ChatApp.Identity.Infrastructure;

/// <summary>
/// Hourly: forgets attempts older than a day (longer than any window), sign-in challenges over a day old, revocations of
/// expired device cookies, and sessions that ended more than 30 days ago with their refresh tokens. Security events stay.
/// </summary>
public sealed partial class IdentityHousekeeping(AttemptLimiter limiter, DeviceCookies deviceCookies, ServiceDatabase database, TimeProvider clock, ILogger<IdentityHousekeeping> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CleanAsync(stoppingToken);
            }
            catch (MySqlConnector.MySqlException exception)
            {
                LogCleaningFailed(logger, exception);
            }
        }
    }

    public async Task CleanAsync(CancellationToken cancellationToken)
    {
        await limiter.PruneAsync(TimeSpan.FromDays(1), cancellationToken);
        await deviceCookies.PruneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM sign_in_challenges WHERE expires_at < @dayAgo;
            DELETE t FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE COALESCE(s.revoked_at, s.expires_at) < @monthAgo;
            DELETE FROM sessions WHERE COALESCE(revoked_at, expires_at) < @monthAgo;
            """, new { dayAgo = (now - TimeSpan.FromDays(1)).UtcDateTime, monthAgo = (now - TimeSpan.FromDays(30)).UtcDateTime }, cancellationToken: cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity housekeeping failed; it runs again in an hour")]
    private static partial void LogCleaningFailed(ILogger logger, Exception exception);
}
