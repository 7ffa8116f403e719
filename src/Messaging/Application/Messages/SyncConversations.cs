using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Receipts;
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
public sealed class SyncConversations(IConversationStore conversationStore, IMessageStore messages, IReceiptStore receiptStore, IOptions<MessagingOptions> options)
{
    public async Task<SyncResult> ExecuteAsync(Guid userId, IReadOnlyList<SyncCursor> cursors, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.MaxPageSize;
        var known = cursors.GroupBy(cursor => cursor.ConversationId).ToDictionary(group => group.Key, group => group.Min(cursor => cursor.AfterVersion));
        var conversations = await conversationStore.ListAsync(userId, null, null, cancellationToken);
        var receipts = (conversations.Count == 0
            ? []
            : await receiptStore.OfConversationsAsync([.. conversations.Select(conversation => conversation.Id)], cancellationToken))
            .ToLookup(receipt => receipt.ConversationId);
        // Only the conversations that moved past the device's version have messages to read.
        var behind = conversations
            .Where(conversation => known.GetValueOrDefault(conversation.Id) < conversation.LastVersion)
            .Select(conversation => new SyncCursor(conversation.Id, known.GetValueOrDefault(conversation.Id)))
            .ToList();
        var changed = await messages.ChangesAsync(userId, behind, pageSize + 1, cancellationToken);

        var changes = new List<ConversationChanges>(conversations.Count);
        foreach (var conversation in conversations)
        {
            var rows = changed.GetValueOrDefault(conversation.Id) ?? [];
            changes.Add(new ConversationChanges(
                conversation, [.. rows.Take(pageSize).Select(row => row.ToView())], rows.Count > pageSize, [.. receipts[conversation.Id]]));
        }

        var removed = known.Keys.Except(conversations.Select(conversation => conversation.Id)).ToList();
        return new SyncResult(changes, removed);
    }
}
