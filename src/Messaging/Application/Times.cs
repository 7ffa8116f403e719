namespace ChatApp.Messaging.Application;

/// <summary>Times are stored as UTC DATETIME(6), which reads back without a kind.</summary>
internal static class Times
{
    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? stored) => stored is { } value ? Utc(value) : null;
}
