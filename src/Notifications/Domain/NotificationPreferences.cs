namespace ChatApp.Notifications.Domain;

/// <summary>What a user wants mailed, and how. Sign-in codes are not here: they always go.</summary>
public sealed record NotificationPreferences(bool MissedCallEmails, bool UnreadDigestEmails, string Language, string TimeZone)
{
    public static NotificationPreferences Defaults(string language) =>
        new(MissedCallEmails: true, UnreadDigestEmails: true, EmailLanguage.Resolve(language), LocalTime.DefaultTimeZone);

    public NotificationPreferences Unsubscribe(EmailList list) => list switch
    {
        EmailList.MissedCalls => this with { MissedCallEmails = false },
        EmailList.UnreadDigests => this with { UnreadDigestEmails = false },
        EmailList.All => this with { MissedCallEmails = false, UnreadDigestEmails = false },
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Unknown email list."),
    };
}
