namespace ChatApp.Notifications.Domain;

/// <summary>At most one unread digest per user per hour: a later one waits for its slot instead of being dropped.</summary>
public static class DigestSchedule
{
    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(1);

    /// <summary>When a new digest may go, given when the previous one went (or is due) and the time now.</summary>
    public static DateTimeOffset NextSlot(DateTimeOffset? previousDigestAt, DateTimeOffset now) =>
        previousDigestAt is { } previous && previous + MinimumGap > now ? previous + MinimumGap : now;
}
