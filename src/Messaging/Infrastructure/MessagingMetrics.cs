using System.Diagnostics.Metrics;
using ChatApp.ServiceDefaults;

namespace ChatApp.Messaging.Infrastructure;

/// <summary>What the dashboard shows of messaging, beside SignalR's own connection metrics.</summary>
public static class MessagingMetrics
{
    public static readonly Counter<long> PushFailed = ChatAppTelemetry.Meter.CreateCounter<long>(
        "chatapp.messaging.push.failed", "{push}", "Pushes to devices that failed (devices catch up by syncing)");

    public static readonly UpDownCounter<long> Connections = ChatAppTelemetry.Meter.CreateUpDownCounter<long>(
        "chatapp.messaging.connections", "{connection}", "Hub connections open on this replica");
}
