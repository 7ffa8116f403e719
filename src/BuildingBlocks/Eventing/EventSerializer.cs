using System.Text.Json;
using ChatApp.Contracts;

namespace ChatApp.BuildingBlocks.Eventing;

/// <summary>
/// Turns integration events into outbox rows and back. Only types from the Contracts
/// assembly can come back out, so a row can never instantiate an arbitrary type.
/// </summary>
internal static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string TypeName(Type eventType) =>
        eventType.Assembly == typeof(IIntegrationEvent).Assembly && eventType.FullName is { } name
            ? name
            : throw new ArgumentException($"{eventType} is not an integration event from ChatApp.Contracts.", nameof(eventType));

    public static Type ResolveType(string typeName) =>
        typeof(IIntegrationEvent).Assembly.GetType(typeName, throwOnError: false) is { } type && typeof(IIntegrationEvent).IsAssignableFrom(type)
            ? type
            : throw new InvalidOperationException($"The outbox holds an event of unknown type {typeName}.");

    public static string Serialize(object @event, Type eventType) => JsonSerializer.Serialize(@event, eventType, Options);

    public static object Deserialize(string body, Type eventType) =>
        JsonSerializer.Deserialize(body, eventType, Options)
        ?? throw new InvalidOperationException($"The outbox holds a null {eventType.Name}.");
}
