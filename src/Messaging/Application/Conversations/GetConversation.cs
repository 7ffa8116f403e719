using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>One of my conversations with every member, their roles and how far each has received and read.</summary>
public sealed class GetConversation(ServiceDatabase database)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // The member list says whether I am in it: no separate membership query.
        var detail = await ConversationStore.DetailAsync(connection, null, conversationId, cancellationToken);
        return detail is not null && detail.Members.Any(member => member.UserId == userId)
            ? detail
            : MessagingFailures.ConversationNotFound;
    }
}
