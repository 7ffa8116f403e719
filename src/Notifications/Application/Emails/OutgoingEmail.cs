using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Emails;

/// <summary>An email written and waiting to be sent (a row of outgoing_emails).</summary>
public sealed record OutgoingEmail(
    Guid Id,
    EmailKind Kind,
    Guid? RecipientUserId,
    string ToAddress,
    string ToName,
    string Language,
    string Subject,
    string Html,
    string Text,
    string? UnsubscribeUrl,
    DateTimeOffset DueAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset EventOccurredAt);
