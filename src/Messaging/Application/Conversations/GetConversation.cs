using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>One of my conversations with every member, their roles and how far each has received and read.</summary>
public sealed class GetConversation(IConversationStore conversations)
{
    public async Task<Result<ConversationDetail>> ExecuteAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken)
    {
        // The member list says whether I am in it: no separate membership query.
        var detail = await conversations.DetailAsync(null, conversationId, cancellationToken);
        return detail is not null && detail.Members.Any(member => member.UserId == userId)
            ? detail
            : MessagingFailures.ConversationNotFound;
    }
}
