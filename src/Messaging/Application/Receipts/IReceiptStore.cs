namespace ChatApp.Messaging.Application.Receipts;

/// <summary>Members' receipt pointers: how far each has received and read each conversation.</summary>
public interface IReceiptStore
{
    /// <summary>Every member's pointers in each of the conversations.</summary>
    Task<IReadOnlyList<MemberReceipts>> OfConversationsAsync(IReadOnlyCollection<Guid> conversationIds, CancellationToken cancellationToken);

    /// <summary>The pointers of those who were members when the message was sent, its sender aside.</summary>
    Task<IReadOnlyList<MemberReceipts>> OfRecipientsAsync(Guid conversationId, Guid senderId, long sequence, CancellationToken cancellationToken);

    /// <summary>
    /// Moves these members' pointers forward to at least the given ones in one round trip, and
    /// answers them as the database holds them after the move. The pointers only move forward,
    /// whoever writes them: no transaction is needed.
    /// </summary>
    Task<IReadOnlyList<MemberReceipts>> MoveAsync(IReadOnlyCollection<MemberReceipts> moves);
}
