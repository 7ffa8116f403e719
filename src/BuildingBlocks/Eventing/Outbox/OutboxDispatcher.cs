using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.BuildingBlocks.Eventing.Outbox;

/// <summary>
/// Runs the relay for the life of the service: straight on while batches come back full,
/// then waits for a local commit or the poll interval. Database or broker outages are
/// logged and retried with backoff; the rows simply wait in the table meanwhile.
/// </summary>
internal sealed partial class OutboxDispatcher(OutboxRelay relay, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await relay.DispatchBatchAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // A background loop must outlive any one failed batch (broker down, database restarting, ...);
            // the failure is logged with its exception and the batch is retried.
            catch (Exception ex)
            {
                failures++;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                LogBatchFailed(logger, ex, failures, backoff);
                await DelayAsync(backoff, stoppingToken);
                continue;
            }

            if (published < options.Value.BatchSize)
                await WhileRunningAsync(() => signal.WaitAsync(options.Value.PollInterval, stoppingToken), stoppingToken);
        }
    }

    private static Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken) =>
        WhileRunningAsync(() => Task.Delay(delay, stoppingToken), stoppingToken);

    /// <summary>Awaits <paramref name="wait"/>; a stop ends it quietly, and the loop condition ends the dispatcher.</summary>
    private static async Task WhileRunningAsync(Func<Task> wait, CancellationToken stoppingToken)
    {
        try
        {
            await wait();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox batch failed ({Failures} in a row); retrying in {Backoff}")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int failures, TimeSpan backoff);
}
