using ChatApp.BuildingBlocks.Background;
using ChatApp.Calls.Application;
using ChatApp.Calls.Application.Calls;
using Microsoft.Extensions.Options;

namespace ChatApp.Calls.Infrastructure;

/// <summary>Runs <see cref="ExpireDueCalls"/> on every replica, every <see cref="CallsOptions.DeadlineScanInterval"/>.</summary>
internal sealed class CallDeadlineWorker(ExpireDueCalls expire, IOptions<CallsOptions> options, ILogger<CallDeadlineWorker> logger)
    : PollingWorker(new NothingWakes(), logger)
{
    // Deadlines are in the database and every replica polls them; nothing here is woken early.
    private sealed class NothingWakes : WakeSignal;

    protected override TimeSpan PollInterval => options.Value.DeadlineScanInterval;

    protected override Task<bool> RunOnceAsync(CancellationToken stoppingToken) => expire.ExecuteAsync(stoppingToken);
}
