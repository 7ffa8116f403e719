using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Receipts;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>Where a device stands in one conversation: the highest version it has seen (0 for a conversation it does not know).</summary>
public sealed record SyncCursor(Guid ConversationId, long AfterVersion);

/// <summary>What changed in one conversation since the device's cursor, oldest change first, and everyone's receipt pointers now.</summary>
public sealed record ConversationChanges(
    ConversationSummary Conversation,
    IReadOnlyList<MessageView> Messages,
    bool HasMore,
    IReadOnlyList<MemberReceipts> Receipts);

/// <summary>Every conversation I am in, with what I missed; and the ones I named that I am no longer in.</summary>
public sealed record SyncResult(IReadOnlyList<ConversationChanges> Conversations, IReadOnlyList<Guid> Removed);

/// <summary>
/// Catches a device up after it was away: for each of my conversations the messages sent, edited
/// or deleted after the version the device has, and where every member's receipts stand. A
/// conversation with more changes than a page says so; the device syncs again from its new cursor.
/// </summary>
public sealed class SyncConversations(ServiceDatabase database, IOptions<MessagingOptions> options)
{
    public async Task<SyncResult> ExecuteAsync(Guid userId, IReadOnlyList<SyncCursor> cursors, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.MaxPageSize;
        var known = cursors.GroupBy(cursor => cursor.ConversationId).ToDictionary(group => group.Key, group => group.Min(cursor => cursor.AfterVersion));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var conversations = await ConversationList.QueryAsync(connection, userId, null, null, cancellationToken);
        var receipts = (conversations.Count == 0
            ? []
            : await connection.QueryAsync<MemberReceipts>(new CommandDefinition("""
                SELECT conversation_id, user_id, delivered_sequence, read_sequence FROM conversation_members
                WHERE conversation_id IN @ids
                """, new { ids = conversations.Select(conversation => conversation.Id).ToList() }, cancellationToken: cancellationToken)))
            .ToLookup(receipt => receipt.ConversationId);

        var changes = new List<ConversationChanges>(conversations.Count);
        foreach (var conversation in conversations)
        {
            var after = known.GetValueOrDefault(conversation.Id);
            List<MessageRow> rows = after >= conversation.LastVersion
                ? []
                : [.. await connection.QueryAsync<MessageRow>(new CommandDefinition($"""
                    SELECT {MessageRow.Columns} FROM messages m
                    WHERE m.conversation_id = @id AND m.version > @after
                      AND m.sequence > (SELECT joined_sequence FROM conversation_members WHERE conversation_id = @id AND user_id = @userId)
                    ORDER BY m.version LIMIT @take
                    """, new { id = conversation.Id, after, userId, take = pageSize + 1 }, cancellationToken: cancellationToken))];
            changes.Add(new ConversationChanges(
                conversation, [.. rows.Take(pageSize).Select(row => row.ToView())], rows.Count > pageSize, [.. receipts[conversation.Id]]));
        }

        var removed = known.Keys.Except(conversations.Select(conversation => conversation.Id)).ToList();
        return new SyncResult(changes, removed);
    }
}
