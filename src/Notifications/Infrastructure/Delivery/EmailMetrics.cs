using System.Diagnostics.Metrics;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Domain;
using ChatApp.ServiceDefaults;

namespace ChatApp.Notifications.Infrastructure.Delivery;

/// <summary>
/// What the dashboard shows of email delivery, each per kind of email. The delivery records
/// through the static methods; the handlers' skips come through <see cref="IEmailMetrics"/>.
/// </summary>
public sealed class EmailMetrics : IEmailMetrics
{
    private static readonly Counter<long> Sent = ChatAppTelemetry.Meter.CreateCounter<long>(
        "chatapp.notifications.emails.sent", "{email}", "Emails the SMTP server accepted");

    private static readonly Counter<long> Failed = ChatAppTelemetry.Meter.CreateCounter<long>(
        "chatapp.notifications.emails.failed", "{attempt}", "Send attempts that failed");

    private static readonly Counter<long> Retried = ChatAppTelemetry.Meter.CreateCounter<long>(
        "chatapp.notifications.emails.retried", "{attempt}", "Failed attempts scheduled to be tried again");

    private static readonly Counter<long> DeadLettered = ChatAppTelemetry.Meter.CreateCounter<long>(
        "chatapp.notifications.emails.dead_lettered", "{email}", "Emails given up on (attempts spent, refused for good, or expired)");

    private static readonly Counter<long> Skipped = ChatAppTelemetry.Meter.CreateCounter<long>(
        "chatapp.notifications.emails.skipped", "{email}", "Emails not written because the recipient switched them off");

    private static readonly Histogram<double> DeliveryTime = ChatAppTelemetry.Meter.CreateHistogram(
        "chatapp.notifications.email.delivery_time", "s", "From the event that asked for an email to the SMTP server accepting it",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] });

    public static void RecordSent(EmailKind kind, TimeSpan sinceEvent)
    {
        var tag = KindTag(kind);
        Sent.Add(1, tag);
        DeliveryTime.Record(Math.Max(0, sinceEvent.TotalSeconds), tag);
    }

    public static void RecordFailed(EmailKind kind, bool permanent) =>
        Failed.Add(1, KindTag(kind), new KeyValuePair<string, object?>("reason", permanent ? "permanent" : "transient"));

    public static void RecordRetried(EmailKind kind) => Retried.Add(1, KindTag(kind));

    public static void RecordDeadLettered(EmailKind kind, string reason) =>
        DeadLettered.Add(1, KindTag(kind), new KeyValuePair<string, object?>("reason", reason));

    public void RecordSkipped(EmailKind kind) => Skipped.Add(1, KindTag(kind));

    private static KeyValuePair<string, object?> KindTag(EmailKind kind) => new("kind", kind.Name());
}
