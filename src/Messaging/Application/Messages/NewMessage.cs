namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// What a device sends: an id it made itself (so a retry is recognised), the encrypted envelope,
/// and optionally the message it answers. <paramref name="AnsweredConnection"/> is the hub
/// connection it came over, if any: the answer carries the stored message there, so it is not
/// pushed there a second time.
/// </summary>
public sealed record NewMessage(Guid ClientMessageId, string Body, long? ReplyToSequence, string? AnsweredConnection = null);
