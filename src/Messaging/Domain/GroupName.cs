namespace ChatApp.Messaging.Domain;

/// <summary>A group's name as people see it: 1–64 characters after trimming, no control characters.</summary>
public static class GroupName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) =>
        name?.Trim() is { Length: > 0 and <= MaxLength } trimmed && !trimmed.Any(char.IsControl);

    public static string Normalize(string name) => name.Trim();
}
