namespace ChatApp.Identity.Domain;

/// <summary>
/// A unique handle: 3–32 ASCII letters, digits, '.', '_' or '-'. ASCII only, so that no two
/// usernames look alike (a Cyrillic 'а' next to a Latin 'a'); display names take any script.
/// Unique ignoring case, through <see cref="Normalized"/>.
/// </summary>
public sealed record Username
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    private Username(string value) => Value = value;

    public string Value { get; }

    public string Normalized => Value.ToUpperInvariant();

    public static bool IsValid(string? value) =>
        value is { Length: >= MinLength and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static Username Parse(string value) =>
        IsValid(value) ? new Username(value) : throw new ArgumentException($"'{value}' is not a valid username.", nameof(value));

    public override string ToString() => Value;
}
