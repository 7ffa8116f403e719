using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Limits;

namespace ChatApp.Messaging.Application.Presence;

/// <summary>I am typing in a conversation: the other members' devices show it for a few seconds.</summary>
public sealed class AnnounceTyping(IConversationStore conversations, IRateLimits limits, IChatBroadcast broadcast, TimeProvider clock)
{
    public static readonly TimeSpan ShownFor = TimeSpan.FromSeconds(6);

    public async Task<Result<TypingView>> ExecuteAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken)
    {
        if (await limits.RefusalAsync(userId, LimitedAction.Typing, cancellationToken) is { } tooMany)
            return tooMany;
        // One read: every membership of the conversation tells both whether I am in it and whom to tell.
        var members = await conversations.MembershipsAsync([conversationId], cancellationToken);
        if (!members.Any(member => member.UserId == userId))
            return MessagingFailures.ConversationNotFound;
        var others = members.Where(member => member.UserId != userId).Select(member => member.UserId).ToList();
        var typing = new TypingView(conversationId, userId, clock.GetUtcNow() + ShownFor);
        await broadcast.TypingAsync(others, typing);
        return typing;
    }
}
