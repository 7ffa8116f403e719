using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>One of my conversations with every member, their roles and how far each has received and read.</summary>
public sealed class GetConversation(ServiceDatabase database)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await ConversationStore.FindMembershipAsync(connection, null, conversationId, userId, cancellationToken) is null)
            return MessagingFailures.ConversationNotFound;
        return (await ConversationStore.DetailAsync(connection, null, conversationId, cancellationToken))!;
    }
}
