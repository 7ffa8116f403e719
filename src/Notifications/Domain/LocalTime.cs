namespace ChatApp.Notifications.Domain;

/// <summary>Times in an email are shown in the recipient's time zone and language, with the zone named.</summary>
public static class LocalTime
{
    public const string DefaultTimeZone = "UTC";

    public static bool IsKnownTimeZone(string? timeZone) =>
        timeZone is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);

    public static string Format(DateTimeOffset moment, string language, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        // "f": full date and short time in the language's own words, e.g. "24 Kasım 2026 Salı 15:04".
        return $"{local.ToString("f", EmailLanguage.Culture(language))} ({zone.Id})";
    }
}
