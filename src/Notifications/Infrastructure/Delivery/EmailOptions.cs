using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Infrastructure.Delivery;

/// <summary>How emails are retried and where their links point (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The address people open ChatApp at (the gateway): links in emails start here.</summary>
    public Uri PublicAddress { get; set; } = new("http://localhost:5080");

    /// <summary>Attempts before an email is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker looks for due emails besides being woken by new ones (retries, other replicas).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public RetrySchedule Retries => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);

    public string AppUrl => PublicAddress.ToString().TrimEnd('/');
}
