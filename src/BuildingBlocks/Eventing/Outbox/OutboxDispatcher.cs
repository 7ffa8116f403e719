using ChatApp.BuildingBlocks.Background;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.BuildingBlocks.Eventing.Outbox;

/// <summary>
/// Runs the relay for the life of the service: straight on while batches come back full,
/// then waits for a local commit or the poll interval. Database or broker outages are
/// logged and retried with backoff; the rows simply wait in the table meanwhile.
/// </summary>
internal sealed class OutboxDispatcher(OutboxRelay relay, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger)
    : PollingWorker(signal, logger)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken) =>
        await relay.DispatchBatchAsync(stoppingToken) == options.Value.BatchSize;
}
