using ChatApp.BuildingBlocks.Background;
using Microsoft.Extensions.Options;

namespace ChatApp.Notifications.Infrastructure.Delivery;

/// <summary>Sends due emails for the life of the service: woken by new ones, polling for retries and other replicas' rows.</summary>
public sealed class EmailDispatcher(EmailDelivery delivery, EmailSignal signal, IOptions<EmailOptions> options, ILogger<EmailDispatcher> logger)
    : PollingWorker(signal, logger)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<bool> RunOnceAsync(CancellationToken stoppingToken) => delivery.SendNextAsync(stoppingToken);

    protected override Task OnIdleAsync() => delivery.IdleAsync();
}
