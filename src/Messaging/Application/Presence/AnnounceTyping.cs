using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;

namespace ChatApp.Messaging.Application.Presence;

/// <summary>I am typing in a conversation: the other members' devices show it for a few seconds.</summary>
public sealed class AnnounceTyping(ServiceDatabase database, IChatBroadcast broadcast, TimeProvider clock)
{
    public static readonly TimeSpan ShownFor = TimeSpan.FromSeconds(6);

    public async Task<Result<TypingView>> ExecuteAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await ConversationStore.FindMembershipAsync(connection, null, conversationId, userId, cancellationToken) is null)
            return MessagingFailures.ConversationNotFound;
        var others = (await ConversationStore.MemberIdsAsync(connection, null, conversationId, cancellationToken)).Where(id => id != userId).ToList();
        var typing = new TypingView(conversationId, userId, clock.GetUtcNow() + ShownFor);
        await broadcast.TypingAsync(others, typing);
        return typing;
    }
}
