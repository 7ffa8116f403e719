namespace ChatApp.Messaging.Application.Messages;

/// <summary>A <c>messages</c> row as Dapper reads it.</summary>
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
    public const string Columns = "conversation_id, sequence, version, sender_id, client_message_id, body, reply_to_sequence, sent_at, edited_at, deleted_at";

    public MessageView ToView() => new(
        ConversationId, Sequence, Version, SenderId, ClientMessageId, Body, ReplyToSequence,
        Times.Utc(SentAt), Times.Utc(EditedAt), Times.Utc(DeletedAt));
}
