using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Receipts;

namespace ChatApp.Messaging.Infrastructure;

/// <summary>Runs the write batchers of sends and receipts while the service runs; stopping, they write what they accepted.</summary>
internal sealed class WriteBatchers(MessageWriter messages, ReceiptWriter receipts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await messages.StartAsync(cancellationToken);
        await receipts.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(messages.StopAsync(cancellationToken), receipts.StopAsync(cancellationToken));
}
