using ChatApp.BuildingBlocks.Background;
using ChatApp.Messaging.Application;
using ChatApp.Messaging.Application.Digests;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Infrastructure.Digests;

/// <summary>Looks for unread messages waiting for offline members every <see cref="MessagingOptions.DigestScanInterval"/>.</summary>
public sealed class UnreadDigestWorker(CollectUnreadDigests collect, DigestSignal signal, IOptions<MessagingOptions> options, ILogger<UnreadDigestWorker> logger)
    : PollingWorker(signal, logger)
{
    protected override TimeSpan PollInterval => options.Value.DigestScanInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        await collect.ExecuteAsync(stoppingToken);
        return false;
    }
}

/// <summary>Wakes the digest worker before its interval (tests use it).</summary>
public sealed class DigestSignal : WakeSignal;
