namespace ChatApp.Contracts;

/// <summary>
/// Messages have stayed unread for a while by <see cref="RecipientId"/>, who is offline.
/// Notifications turns it into a digest email (at most one per user per hour). It says who
/// wrote and how many, never what: message bodies are end-to-end encrypted.
/// </summary>
public sealed record UnreadMessagesWaiting(
    Guid RecipientId,
    IReadOnlyList<UnreadConversation> Conversations,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// One conversation's unread messages: a group's name (null for a direct conversation), how
/// many are unread, and who sent them (ids; Notifications resolves the names).
/// </summary>
public sealed record UnreadConversation(
    Guid ConversationId,
    string? GroupName,
    int UnreadCount,
    IReadOnlyList<Guid> SenderIds,
    DateTimeOffset OldestUnreadAt);
