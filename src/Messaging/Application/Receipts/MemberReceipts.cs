namespace ChatApp.Messaging.Application.Receipts;

/// <summary>
/// How far one member has received (✓✓) and read (✓✓ in colour) a conversation: every message
/// up to the sequence number. A sender's message shows ✓ once stored, ✓✓ once some other member's
/// delivered pointer reaches it, read once their read pointer does.
/// </summary>
public sealed record MemberReceipts(Guid ConversationId, Guid UserId, long DeliveredSequence, long ReadSequence);

/// <summary>Who of the other members has received and read one message ("read by 3 of 5").</summary>
public sealed record MessageReceipts(
    Guid ConversationId,
    long Sequence,
    int Recipients,
    IReadOnlyList<Guid> DeliveredTo,
    IReadOnlyList<Guid> ReadBy);
