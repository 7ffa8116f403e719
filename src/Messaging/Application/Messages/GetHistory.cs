using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// A page of a conversation's history by sequence number: backwards from <c>before</c> (the
/// latest messages when absent) or forwards from <c>after</c>. History starts where I joined.
/// </summary>
public sealed class GetHistory(ServiceDatabase database, IOptions<MessagingOptions> options)
{
    public async Task<Result<MessagePage>> ExecuteAsync(Guid userId, Guid conversationId, long? before, long? after, int limit, CancellationToken cancellationToken)
    {
        if (limit < 1 || limit > options.Value.MaxPageSize)
            return MessagingFailures.PageSizeOutOfRange(options.Value.MaxPageSize);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var membership = await ConversationStore.FindMembershipAsync(connection, null, conversationId, userId, cancellationToken);
        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        var forwards = after is not null && before is null;
        var rows = (await connection.QueryAsync<MessageRow>(new CommandDefinition($"""
            SELECT {MessageRow.Columns} FROM messages
            WHERE conversation_id = @conversationId AND sequence > @from AND sequence < @to
            ORDER BY sequence {(forwards ? "ASC" : "DESC")} LIMIT @take
            """, new
        {
            conversationId,
            from = Math.Max(membership.JoinedSequence, after ?? 0),
            to = before ?? long.MaxValue,
            take = limit + 1,
        }, cancellationToken: cancellationToken))).ToList();

        var hasMore = rows.Count > limit;
        var page = rows.Take(limit).Select(row => row.ToView());
        return new MessagePage([.. forwards ? page : page.Reverse()], hasMore);
    }
}
