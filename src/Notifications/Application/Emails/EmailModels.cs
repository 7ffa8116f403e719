namespace ChatApp.Notifications.Application.Emails;

// What each kind of email's templates can show, besides what every email has (display_name,
// app_url, unsubscribe_url). Templates see the properties in snake_case.

public sealed record SignInCodeModel(string Code, string ExpiresAt, int ValidMinutes, string RequestedFrom, string RequestedAt);

public sealed record WelcomeModel(string Username);

public sealed record MissedCallModel(string CallerName, string CallerUsername, string CalledAt);

public sealed record UnreadDigestModel(int TotalUnread, IReadOnlyList<UnreadConversationLine> Conversations);

/// <summary>One line of a digest: a group's name or the person writing, how many, and from whom.</summary>
public sealed record UnreadConversationLine(string Title, bool IsGroup, int UnreadCount, string Senders, string Since);
