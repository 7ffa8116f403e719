using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// A page of a conversation's history by sequence number: backwards from <c>before</c> (the
/// latest messages when absent) or forwards from <c>after</c>. History starts where I joined.
/// </summary>
public sealed class GetHistory(IConversationStore conversations, IMessageStore messages, IOptions<MessagingOptions> options)
{
    public async Task<Result<MessagePage>> ExecuteAsync(Guid userId, Guid conversationId, long? before, long? after, int limit, CancellationToken cancellationToken)
    {
        if (limit < 1 || limit > options.Value.MaxPageSize)
            return MessagingFailures.PageSizeOutOfRange(options.Value.MaxPageSize);
        var membership = await conversations.FindMembershipAsync(null, conversationId, userId, cancellationToken);
        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        var forwards = after is not null && before is null;
        var rows = await messages.PageAsync(
            conversationId, Math.Max(membership.JoinedSequence, after ?? 0), before ?? long.MaxValue, forwards, limit + 1, cancellationToken);

        var hasMore = rows.Count > limit;
        var page = rows.Take(limit).Select(row => row.ToView());
        return new MessagePage([.. forwards ? page : page.Reverse()], hasMore);
    }
}
