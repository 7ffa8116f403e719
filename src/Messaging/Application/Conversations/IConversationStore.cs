using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>
/// Conversations and their members, as the use cases read and start them. A read given a unit of
/// work reads inside its transaction (and sees its writes); given none, it reads on its own.
/// </summary>
public interface IConversationStore
{
    /// <summary>
    /// The caller's membership, or null when the conversation does not exist or they are not in it.
    /// <paramref name="lockConversation"/> locks the conversation row: sends and membership changes
    /// of one conversation then happen one after another, which keeps sequence numbers gapless.
    /// </summary>
    Task<Membership?> FindMembershipAsync(
        IUnitOfWork? unitOfWork, Guid conversationId, Guid userId, CancellationToken cancellationToken, bool lockConversation = false);

    /// <summary>Every member's <see cref="Membership"/> in each of <paramref name="conversationIds"/>, in one read.</summary>
    Task<IReadOnlyList<Membership>> MembershipsAsync(IReadOnlyCollection<Guid> conversationIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<Guid>> MemberIdsAsync(IUnitOfWork unitOfWork, Guid conversationId, CancellationToken cancellationToken);

    Task<ConversationDetail?> DetailAsync(IUnitOfWork? unitOfWork, Guid conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// My conversations as list lines, most recently active first: up to <paramref name="limit"/>
    /// lines older than <paramref name="after"/> (a line's activity time and id); every one of them
    /// when <paramref name="limit"/> is null.
    /// </summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(Guid userId, int? limit, (DateTime At, Guid Id)? after, CancellationToken cancellationToken);

    /// <summary>The conversation of a pair of people, if they have one.</summary>
    Task<Guid?> FindDirectAsync(IUnitOfWork unitOfWork, DirectPair pair, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the pair's conversation with both as members. False, making nothing, when the pair
    /// has one already: two first messages at once, and the other one's made it.
    /// </summary>
    Task<bool> TryStartDirectAsync(IUnitOfWork unitOfWork, Guid conversationId, DirectPair pair, DateTime now, CancellationToken cancellationToken);
}
