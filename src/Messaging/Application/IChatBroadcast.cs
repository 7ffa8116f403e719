using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Application.Receipts;

namespace ChatApp.Messaging.Application;

/// <summary>
/// Pushes what changed to the connected devices of the people concerned, on every replica. Called
/// after the change has committed; a device that misses a push catches up with a sync.
/// </summary>
public interface IChatBroadcast
{
    /// <param name="answeredConnection">The connection the message was sent over, which has it in its answer: not pushed to.</param>
    Task MessageAddedAsync(IReadOnlyCollection<Guid> members, MessageView message, string? answeredConnection);

    Task MessageChangedAsync(IReadOnlyCollection<Guid> members, MessageView message);

    Task ReceiptsChangedAsync(IReadOnlyCollection<Guid> members, MemberReceipts receipts);

    Task TypingAsync(IReadOnlyCollection<Guid> members, TypingView typing);

    Task ConversationChangedAsync(IReadOnlyCollection<Guid> members, ConversationDetail conversation);

    Task ConversationRemovedAsync(IReadOnlyCollection<Guid> formerMembers, Guid conversationId);

    Task PresenceChangedAsync(PresenceView presence);
}
