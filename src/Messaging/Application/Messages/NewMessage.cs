namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// What a device sends: an id it made itself (so a retry is recognised), the encrypted envelope,
/// and optionally the message it answers.
/// </summary>
public sealed record NewMessage(Guid ClientMessageId, string Body, long? ReplyToSequence);
