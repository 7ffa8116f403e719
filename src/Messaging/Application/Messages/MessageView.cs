namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// A message as members see it. <see cref="Sequence"/> orders the conversation;
/// <see cref="Version"/> is the conversation's change counter at the message's last change
/// (sent, edited or deleted), the cursor a device syncs by. A deleted message keeps its place
/// as a tombstone with no body.
/// </summary>
public sealed record MessageView(
    Guid ConversationId,
    long Sequence,
    long Version,
    Guid SenderId,
    Guid ClientMessageId,
    string? Body,
    long? ReplyToSequence,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt);

/// <summary>One page of a conversation's history, oldest first.</summary>
public sealed record MessagePage(IReadOnlyList<MessageView> Messages, bool HasMore);
