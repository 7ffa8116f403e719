namespace ChatApp.Messaging.Application;

/// <summary>Times are stored as UTC DATETIME(6), which reads back without a kind.</summary>
internal static class Times
{
    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? stored) => stored is { } value ? Utc(value) : null;

    /// <summary>
    /// The time now, to the microsecond: DATETIME(6) keeps no more, so an answer built from this
    /// value is the same as the row read back later (a retried send, the history, a sync).
    /// </summary>
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
