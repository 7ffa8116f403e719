using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Background;

/// <summary>
/// A background loop over work kept in the database: runs a round straight on while there is
/// more, then waits for its <see cref="WakeSignal"/> or the poll interval. A failed round (the
/// database or the broker away) is logged and retried with backoff; the work waits in its table.
/// </summary>
public abstract partial class PollingWorker(WakeSignal signal, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait between rounds when nothing wakes the worker.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Does one round of work; returns true when more is waiting right now.</summary>
    protected abstract Task<bool> RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>Called when the loop goes idle (nothing more to do until woken).</summary>
    protected virtual Task OnIdleAsync() => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool moreWaiting;
            try
            {
                moreWaiting = await RunOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // A background loop must outlive any one failed round (broker down, database restarting, ...);
            // the failure is logged with its exception and the round is retried.
            catch (Exception ex)
            {
                failures++;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                LogRoundFailed(logger, ex, GetType().Name, failures, backoff);
                await WhileRunningAsync(() => Task.Delay(backoff, stoppingToken), stoppingToken);
                continue;
            }

            if (!moreWaiting)
            {
                await OnIdleAsync();
                await WhileRunningAsync(() => signal.WaitAsync(PollInterval, stoppingToken), stoppingToken);
            }
        }
    }

    /// <summary>Awaits <paramref name="wait"/>; a stop ends it quietly, and the loop condition ends the worker.</summary>
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

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} round failed ({Failures} in a row); retrying in {Backoff}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string worker, int failures, TimeSpan backoff);
}
