using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>
/// Hears what every replica running in this test process logs under some categories, through
/// the EventSource logger each host has by default: for a test that must see the service
/// recognise something (a redelivered event, say) on whichever replica the broker chose.
/// </summary>
/// <param name="categoryPrefix">Logger categories to hear (a prefix, e.g. a namespace), at Information and above.</param>
public sealed class LogWatch(string categoryPrefix) : EventListener
{
    private const string LoggingSource = "Microsoft-Extensions-Logging";
    private const EventKeywords FormattedMessage = (EventKeywords)4;

    // Initialised before EventListener's constructor, which already announces the existing sources.
    private readonly Dictionary<string, string?> _filter = new() { ["FilterSpecs"] = $"{categoryPrefix}:Information" };
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public Task WaitForAsync(string fragment, TimeSpan timeout) =>
        Eventually.HoldsAsync(() => _lines.Any(line => line.Contains(fragment, StringComparison.Ordinal)), timeout,
            () => $"Nothing logged \"{fragment}\" under {categoryPrefix}.");

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == LoggingSource)
            EnableEvents(eventSource, EventLevel.Informational, FormattedMessage, _filter);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "FormattedMessage" || eventData.PayloadNames is null || eventData.Payload is null)
            return;
        var index = eventData.PayloadNames.IndexOf("FormattedMessage");
        if (index >= 0 && eventData.Payload[index] is string message)
            _lines.Enqueue(message);
    }
}
