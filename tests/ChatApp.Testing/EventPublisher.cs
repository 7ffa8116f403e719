using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace ChatApp.Testing;

/// <summary>
/// Publishes events the way MassTransit does (its JSON envelope on the event type's fanout
/// exchange), with the message id chosen by the test: to deliver one event twice, or to send
/// something that is not an event at all.
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<EventPublisher> ConnectAsync(string brokerUri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(brokerUri) }.CreateConnectionAsync();
        return new EventPublisher(connection, await connection.CreateChannelAsync());
    }

    /// <summary>A channel of its own for the caller (one the broker closes on an error takes nothing else down).</summary>
    public Task<IChannel> OpenChannelAsync() => _connection.CreateChannelAsync();

    public Task<Guid> PublishAsync<TEvent>(TEvent @event, Guid? messageId = null)
        where TEvent : class
    {
        var id = messageId ?? Guid.NewGuid();
        var envelope = new
        {
            messageId = id,
            messageType = new[] { $"urn:message:ChatApp.Contracts:{typeof(TEvent).Name}" },
            message = @event,
            sentTime = DateTimeOffset.UtcNow,
            headers = new Dictionary<string, object>(),
        };
        return PublishRawAsync(typeof(TEvent).Name, JsonSerializer.SerializeToUtf8Bytes(envelope, Json), id);
    }

    /// <summary>Puts <paramref name="body"/> on the event type's exchange as it is, claiming to be MassTransit JSON.</summary>
    public async Task<Guid> PublishRawAsync(string eventType, byte[] body, Guid messageId)
    {
        var properties = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json",
            MessageId = messageId.ToString(),
            Persistent = true,
        };
        await _channel.BasicPublishAsync($"ChatApp.Contracts:{eventType}", "", mandatory: false, properties, body);
        return messageId;
    }

    public Task<Guid> PublishRawAsync(string eventType, string body) => PublishRawAsync(eventType, Encoding.UTF8.GetBytes(body), Guid.NewGuid());

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
