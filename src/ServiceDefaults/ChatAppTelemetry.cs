using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatApp.ServiceDefaults;

/// <summary>The activity source and meter our own code reports under; exported by every service.</summary>
public static class ChatAppTelemetry
{
    public const string ActivitySourceName = "ChatApp";
    public const string MeterName = "ChatApp";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public static readonly Meter Meter = new(MeterName);
}
