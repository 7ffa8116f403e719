using System.Text;

namespace ChatApp.Identity.Domain;

/// <summary>The name people see: 1–64 characters of any script, trimmed, without control characters.</summary>
public sealed record DisplayName
{
    public const int MaxLength = 64;

    private DisplayName(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value) =>
        value is not null
        && value.Trim() is { Length: > 0 } trimmed
        && trimmed.EnumerateRunes().Count() <= MaxLength
        && !trimmed.EnumerateRunes().Any(Rune.IsControl);

    public static DisplayName Parse(string value) =>
        IsValid(value) ? new DisplayName(value.Trim()) : throw new ArgumentException($"'{value}' is not a valid display name.", nameof(value));

    public override string ToString() => Value;
}
