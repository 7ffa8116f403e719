using RabbitMQ.Client;

namespace ChatApp.Testing;

public static class BrokerQueues
{
    /// <summary>Until each of <paramref name="queues"/> exists with a consumer: events published earlier would go nowhere.</summary>
    public static async Task WaitForConsumersAsync(string brokerUri, IReadOnlyCollection<string> queues)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(brokerUri) }.CreateConnectionAsync();
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var queue in queues)
            {
                // A passive declare of a missing queue closes the channel: one channel per look.
                await using var channel = await connection.CreateChannelAsync();
                try
                {
                    var declared = await channel.QueueDeclarePassiveAsync(queue);
                    if (declared.ConsumerCount == 0)
                        return false;
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(60), () => $"The queues {string.Join(", ", queues)} did not get consumers.");
    }
}
