namespace ChatApp.Notifications.Domain;

/// <summary>What an unsubscribe link switches off.</summary>
public enum EmailList : byte
{
    MissedCalls = 1,
    UnreadDigests = 2,

    /// <summary>Everything that can be switched off (the welcome email's link).</summary>
    All = 3,
}
