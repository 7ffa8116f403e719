using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ChatApp.Testing;

/// <summary>
/// A queue of our own bound to the exchanges MassTransit publishes the given events to: it
/// sees exactly what reached the broker, as any other service would.
/// </summary>
public sealed class EventTap : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Type, JsonElement Message)> _received = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <param name="eventTypes">The contract names of the events to see, e.g. <c>UserRegistered</c>.</param>
    public static async Task<EventTap> StartAsync(string brokerUri, params string[] eventTypes)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(brokerUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var tap = new EventTap(connection, channel);
        var queue = (await channel.QueueDeclareAsync($"tests-tap-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in eventTypes)
        {
            // The same declaration MassTransit makes for a message type's exchange.
            var exchange = $"ChatApp.Contracts:{type}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, "");
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var messageType = envelope.RootElement.GetProperty("messageType")[0].GetString()!;
            tap._received.Enqueue((messageType[(messageType.LastIndexOf(':') + 1)..], envelope.RootElement.GetProperty("message").Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return tap;
    }

    /// <summary>The first event of <paramref name="type"/> that matches, waiting for it to arrive.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool> matches)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(
            () => Task.FromResult(TryFind(type, matches, out found)),
            TimeSpan.FromSeconds(20), () => $"No {type} event matching the test arrived.");
        return found;
    }

    public IReadOnlyList<JsonElement> All(string type, Func<JsonElement, bool> matches) =>
        _received.Where(e => e.Type == type && matches(e.Message)).Select(e => e.Message).ToList();

    private bool TryFind(string type, Func<JsonElement, bool> matches, out JsonElement found)
    {
        foreach (var (eventType, message) in _received)
        {
            if (eventType == type && matches(message))
            {
                found = message;
                return true;
            }
        }

        found = default;
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
