using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ChatApp.BuildingBlocks.Eventing;

/// <summary>
/// Until 2026-11 a handler's queue was named after the handler alone (<c>remember-user</c>), as
/// MassTransit 8.5 ignored the service prefix; now it is <c>{service}-{handler}</c>. A broker kept
/// from before still holds the old queues, bound to the events' exchanges: nobody would read what
/// waits there or what keeps arriving. At start, each service moves the messages of its handlers'
/// old queues into the new ones (publisher-confirmed before each is acknowledged, so none is lost)
/// and deletes the old queue and its exchange. The broker being away only postpones it.
/// </summary>
internal sealed partial class RetiredQueues(Uri brokerUri, IReadOnlyList<RenamedQueue> queues, ILogger<RetiredQueues> logger) : BackgroundService
{
    private const ushort NotFound = 404;
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await using var connection = await new ConnectionFactory { Uri = brokerUri, ClientProvidedName = "retired-queues" }
                    .CreateConnectionAsync(stoppingToken);
                foreach (var queue in queues)
                    await RetireAsync(connection, queue, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or PublishException)
            {
                LogPostponed(logger, exception.Message, RetryEvery.TotalSeconds);
                await Task.Delay(RetryEvery, stoppingToken);
            }
        }
    }

    private async Task RetireAsync(IConnection connection, RenamedQueue queue, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, queue.Retired, cancellationToken))
            return;
        // The new queue is declared by MassTransit as the bus starts; a message published before would be returned.
        while (!await ExistsAsync(connection, queue.Current, cancellationToken))
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);

        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var channel = await connection.CreateChannelAsync(options, cancellationToken);
        var moved = 0;
        while (await channel.BasicGetAsync(queue.Retired, autoAck: false, cancellationToken) is { } message)
        {
            await channel.BasicPublishAsync(
                exchange: "", routingKey: queue.Current, mandatory: true, new BasicProperties(message.BasicProperties), message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        // Not while an instance of the previous version still reads it: the next start retires it.
        await channel.QueueDeleteAsync(queue.Retired, ifUnused: true, ifEmpty: true, cancellationToken: cancellationToken);
        await channel.ExchangeDeleteAsync(queue.Retired, ifUnused: false, cancellationToken: cancellationToken);
        LogRetired(logger, queue.Retired, moved, queue.Current);
    }

    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel: one channel per look.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == NotFound)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retired the queue {Retired}: moved {Moved} waiting messages to {Current}")]
    private static partial void LogRetired(ILogger logger, string retired, int moved, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retiring the old event queues is postponed ({Reason}); trying again in {Seconds} s")]
    private static partial void LogPostponed(ILogger logger, string reason, double seconds);
}
