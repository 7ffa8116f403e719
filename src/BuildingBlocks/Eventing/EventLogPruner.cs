using ChatApp.BuildingBlocks.Eventing.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.BuildingBlocks.Eventing;

/// <summary>
/// Deletes dispatched outbox rows and inbox entries older than the retention, hourly and in
/// small slices so it never holds long locks. Any replica may do it; the deletes are idempotent.
/// </summary>
internal sealed partial class EventLogPruner(ServiceDatabase database, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<EventLogPruner> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private const int SliceSize = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var deleted = await PruneAsync(stoppingToken);
                if (deleted > 0)
                    LogPruned(logger, deleted);
            }
            catch (MySqlConnector.MySqlException ex)
            {
                // Pruning is housekeeping: the next round catches up.
                LogPruneFailed(logger, ex);
            }
        }
        while (await WaitForNextRoundAsync(timer, stoppingToken));
    }

    internal async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = (clock.GetUtcNow() - options.Value.Retention).UtcDateTime;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = 0;
        foreach (var sql in new[]
                 {
                     "DELETE FROM outbox_messages WHERE dispatched_at < @cutoff LIMIT @SliceSize",
                     "DELETE FROM inbox_messages WHERE processed_at < @cutoff LIMIT @SliceSize",
                 })
        {
            int deleted;
            do
            {
                deleted = await connection.ExecuteAsync(new CommandDefinition(sql, new { cutoff, SliceSize }, cancellationToken: cancellationToken));
                total += deleted;
            }
            while (deleted == SliceSize);
        }
        return total;
    }

    private static async Task<bool> WaitForNextRoundAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} old outbox and inbox rows")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old outbox and inbox rows failed; next round in an hour")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
