namespace ChatApp.Identity.Domain;

/// <summary>
/// NIST SP 800-63B style: length, not a known common password, not the account's own name
/// or address. No composition rules: they make passwords harder to remember, not to guess.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>Why <paramref name="password"/> is refused for this account, or nothing when it is acceptable.</summary>
    public static IEnumerable<string> Problems(string? password, string? username, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            yield return "Choose a password.";
            yield break;
        }

        var length = password.EnumerateRunes().Count();
        if (length < MinLength)
            yield return $"Use at least {MinLength} characters.";
        if (length > MaxLength)
            yield return $"Use at most {MaxLength} characters.";
        if (CommonPasswords.Contains(password))
            yield return "This password is among the most common ones; choose another.";
        if (SameIgnoringCase(password, username) || SameIgnoringCase(password, email))
            yield return "The password may not be your username or email address.";
    }

    private static bool SameIgnoringCase(string password, string? other) =>
        !string.IsNullOrEmpty(other) && string.Equals(password, other, StringComparison.OrdinalIgnoreCase);
}
