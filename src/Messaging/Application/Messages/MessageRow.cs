namespace ChatApp.Messaging.Application.Messages;

/// <summary>A message as it is stored, times as UTC without a kind.</summary>
public sealed record MessageRow(
    Guid ConversationId,
    long Sequence,
    long Version,
    Guid SenderId,
    Guid ClientMessageId,
    string? Body,
    long? ReplyToSequence,
    DateTime SentAt,
    DateTime? EditedAt,
    DateTime? DeletedAt)
{
    public MessageView ToView() => new(
        ConversationId, Sequence, Version, SenderId, ClientMessageId, Body, ReplyToSequence,
        Times.Utc(SentAt), Times.Utc(EditedAt), Times.Utc(DeletedAt));
}
