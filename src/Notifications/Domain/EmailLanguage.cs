using System.Globalization;

namespace ChatApp.Notifications.Domain;

/// <summary>The languages emails are written in. Anything else falls back to English rather than sending nothing.</summary>
public static class EmailLanguage
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "tr"];

    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language, StringComparer.Ordinal);

    public static string Resolve(string? language) => IsSupported(language) ? language! : Default;

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Resolve(language) == "tr" ? "tr-TR" : "en-GB");
}
