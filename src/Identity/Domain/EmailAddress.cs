using System.Net.Mail;

namespace ChatApp.Identity.Domain;

/// <summary>A plain address (no display name), at most 254 characters, with a dotted domain; unique ignoring case.</summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public string Normalized => Value.ToLowerInvariant();

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength }
        && value.Trim() == value
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !parsed.Host.EndsWith('.');

    public static EmailAddress Parse(string value) =>
        IsValid(value) ? new EmailAddress(value) : throw new ArgumentException($"'{value}' is not a valid email address.", nameof(value));

    public override string ToString() => Value;
}
