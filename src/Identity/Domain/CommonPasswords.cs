namespace ChatApp.Identity.Domain;

/// <summary>
/// Passwords attackers try first (common-passwords.txt, one per line, shipped inside the
/// assembly). Compared ignoring case: "PASSWORD1" is as weak as "password1".
/// </summary>
public static class CommonPasswords
{
    private static readonly HashSet<string> Known = Load();

    public static bool Contains(string password) => Known.Contains(password);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("ChatApp.Identity.Domain.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
                words.Add(word);
        }
        return words;
    }
}
