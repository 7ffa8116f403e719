namespace ChatApp.Notifications.Domain;

/// <summary>The emails Notifications sends; each has its templates under Templates/{language}/{kind}.*.liquid.</summary>
public enum EmailKind
{
    SignInCode,
    Welcome,
    MissedCall,
    UnreadDigest,
}

public static class EmailKinds
{
    public static readonly IReadOnlyList<EmailKind> All = Enum.GetValues<EmailKind>();

    /// <summary>The name used in template file names, the database and metrics: sign-in-code, welcome, …</summary>
    public static string Name(this EmailKind kind) => kind switch
    {
        EmailKind.SignInCode => "sign-in-code",
        EmailKind.Welcome => "welcome",
        EmailKind.MissedCall => "missed-call",
        EmailKind.UnreadDigest => "unread-digest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown email kind."),
    };

    public static EmailKind Parse(string name)
    {
        foreach (var kind in All)
        {
            if (kind.Name() == name)
                return kind;
        }

        throw new ArgumentException($"'{name}' is not an email kind.", nameof(name));
    }

    /// <summary>
    /// Whether this email's words hold a secret (a sign-in code): they wait for the mail server
    /// sealed, and leave the database once the email has gone.
    /// </summary>
    public static bool HoldsSecret(this EmailKind kind) => kind == EmailKind.SignInCode;

    /// <summary>What this email's unsubscribe link switches off; null for security email (sign-in codes), which cannot be switched off.</summary>
    public static EmailList? UnsubscribeList(this EmailKind kind) => kind switch
    {
        EmailKind.SignInCode => null,
        EmailKind.Welcome => EmailList.All,
        EmailKind.MissedCall => EmailList.MissedCalls,
        EmailKind.UnreadDigest => EmailList.UnreadDigests,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown email kind."),
    };
}
