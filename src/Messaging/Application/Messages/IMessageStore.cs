using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>Messages as they are stored, read and changed.</summary>
public interface IMessageStore
{
    Task<MessageRow?> FindAsync(IUnitOfWork unitOfWork, Guid conversationId, long sequence, CancellationToken cancellationToken);

    /// <summary>Saves an edited or deleted message, and its version as the conversation's.</summary>
    Task UpdateAsync(IUnitOfWork unitOfWork, MessageRow changed, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="take"/> messages with a sequence number between <paramref name="after"/>
    /// and <paramref name="before"/> (both excluded), from the nearest to <paramref name="before"/>,
    /// or from the nearest to <paramref name="after"/> when <paramref name="forwards"/>.
    /// </summary>
    Task<IReadOnlyList<MessageRow>> PageAsync(Guid conversationId, long after, long before, bool forwards, int take, CancellationToken cancellationToken);

    /// <summary>
    /// For each conversation, up to <paramref name="take"/> of the messages changed after its
    /// version that <paramref name="userId"/> may see (sent after they joined), oldest change first.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<MessageRow>>> ChangesAsync(
        Guid userId, IReadOnlyCollection<SyncCursor> cursors, int take, CancellationToken cancellationToken);

    /// <summary>Who sent a message; null when there is no such message.</summary>
    Task<Guid?> SenderAsync(Guid conversationId, long sequence, CancellationToken cancellationToken);

    /// <summary>
    /// In one round trip: locks the conversations (in id order, so two batches never wait for each
    /// other in a circle), then reads every membership of them and the messages already stored
    /// with any of <paramref name="clientMessageIds"/>.
    /// </summary>
    Task<ConversationsLockedForSending> LockForSendingAsync(
        IUnitOfWork unitOfWork, IReadOnlyCollection<Guid> conversationIds, IReadOnlyCollection<Guid> clientMessageIds);

    /// <summary>
    /// Stores new messages in one round trip, with each conversation's counters and each sender's
    /// own receipt pointers (they have read what they wrote). False, when a message's client id is
    /// stored already (by another transaction meanwhile): then nothing of it is to be committed.
    /// </summary>
    Task<bool> TryAddAsync(IUnitOfWork unitOfWork, IReadOnlyList<MessageRow> rows);
}

/// <summary>What a batch of sends reads once its conversations are locked.</summary>
public sealed record ConversationsLockedForSending(IReadOnlyList<Membership> Memberships, IReadOnlyList<MessageRow> StoredWithClientIds);
