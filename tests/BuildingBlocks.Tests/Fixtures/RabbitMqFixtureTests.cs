using System.Text;
using ChatApp.Testing;
using RabbitMQ.Client;

namespace ChatApp.BuildingBlocks.Tests.Fixtures;

/// <summary>The shared broker is a real one: it routes and stores what is published to it.</summary>
public sealed class RabbitMqFixtureTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_message_published_to_a_declared_queue_can_be_taken_from_it()
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);
        var body = Encoding.UTF8.GetBytes($"round trip {Guid.NewGuid()}");

        await channel.BasicPublishAsync(exchange: "", routingKey: queue.QueueName, body: body);
        // The broker handles a channel's commands in order, so the message is queued before the get is served.
        var received = await channel.BasicGetAsync(queue.QueueName, autoAck: true);

        Assert.NotNull(received);
        Assert.Equal(body, received.Body.ToArray());
        Assert.Equal(0u, received.MessageCount);
    }
}
