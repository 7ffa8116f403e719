using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Digests;

/// <summary>One member's unread messages by others in one conversation, not yet covered by a digest.</summary>
public sealed record UnreadWaiting(
    Guid UserId, Guid ConversationId, ConversationKind Kind, string? Name, long LastSequence, int Unread, DateTimeOffset OldestUnreadAt, IReadOnlyList<Guid> SenderIds);

/// <summary>What the digest job reads and marks, inside its unit of work.</summary>
public interface IUnreadDigestStore
{
    /// <summary>
    /// Takes the job's turn until the unit of work ends; false when another replica has it now
    /// (and this one skips its turn).
    /// </summary>
    Task<bool> TryTakeTurnAsync(IUnitOfWork unitOfWork, CancellationToken cancellationToken);

    /// <summary>
    /// Per member and conversation active since <paramref name="horizon"/>: unread messages by others
    /// after both the read pointer and what an earlier digest covered, the oldest sent by <paramref name="dueBefore"/>.
    /// </summary>
    Task<IReadOnlyList<UnreadWaiting>> WaitingAsync(IUnitOfWork unitOfWork, DateTimeOffset horizon, DateTimeOffset dueBefore, CancellationToken cancellationToken);

    /// <summary>A digest now covers the conversation up to its last message for the member.</summary>
    Task MarkNotifiedAsync(IUnitOfWork unitOfWork, UnreadWaiting waiting, CancellationToken cancellationToken);
}
