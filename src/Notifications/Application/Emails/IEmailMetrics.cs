using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Emails;

/// <summary>What the dashboard counts of the emails the handlers decide about (delivery counts the rest).</summary>
public interface IEmailMetrics
{
    /// <summary>An email not written because the recipient switched its kind off.</summary>
    void RecordSkipped(EmailKind kind);
}
