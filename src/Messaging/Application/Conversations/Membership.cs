using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>
/// One member's standing in a conversation, read together with the conversation's counters:
/// what every use case checks first. <see cref="JoinedSequence"/> is the last message before
/// they joined; history starts after it.
/// </summary>
public sealed record Membership(
    Guid ConversationId,
    ConversationKind Kind,
    string? Name,
    long LastSequence,
    long LastVersion,
    Guid UserId,
    MemberRole Role,
    long JoinedSequence,
    long DeliveredSequence,
    long ReadSequence)
{
    public ReceiptPointer Receipts => new(DeliveredSequence, ReadSequence);
}
