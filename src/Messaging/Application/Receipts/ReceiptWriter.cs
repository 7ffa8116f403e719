using System.Globalization;
using System.Text;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Batching;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Receipts;

/// <summary>A device's report of how far it has received or shown a conversation, waiting to be recorded.</summary>
public sealed class PendingReceipt(Guid userId, Guid conversationId, long? delivered, long? read) : Batched<Result<MemberReceipts>>
{
    public Guid UserId { get; } = userId;

    public Guid ConversationId { get; } = conversationId;

    public long? Delivered { get; } = delivered;

    public long? Read { get; } = read;
}

/// <summary>
/// Records the receipts reported meanwhile with two round trips: one reads the memberships of
/// their conversations (the reporters' and everyone to tell), one moves the pointers that moved and reads
/// them back. No transaction: GREATEST keeps each pointer monotonic whoever writes it, and what
/// is answered and pushed is what the database held after the update, never an older value.
/// </summary>
public sealed class ReceiptWriter(ServiceDatabase database, IChatBroadcast broadcast, IOptions<MessagingOptions> options)
    : Batcher<PendingReceipt, Result<MemberReceipts>>(options.Value.WriteQueue)
{
    protected override Result<MemberReceipts> Busy(TimeSpan retryAfter) => MessagingFailures.RateLimited(retryAfter);

    protected override async Task WriteAsync(IReadOnlyList<PendingReceipt> batch)
    {
        var conversationIds = batch.Select(receipt => receipt.ConversationId).Distinct().ToList();
        await using var connection = await database.OpenConnectionAsync();
        var all = (await connection.QueryAsync<Membership>(ConversationStore.AllMembershipsSql, new { conversationIds })).ToList();
        var memberships = all.ToDictionary(m => (m.ConversationId, m.UserId));
        var members = all.ToLookup(m => m.ConversationId, m => m.UserId);

        // Reports of one member in one batch add up; the pointers only move forward.
        var pointers = memberships.ToDictionary(entry => entry.Key, entry => entry.Value.Receipts);
        var moved = new HashSet<(Guid ConversationId, Guid UserId)>();
        foreach (var receipt in batch)
        {
            var key = (receipt.ConversationId, receipt.UserId);
            if (!memberships.TryGetValue(key, out var membership))
                continue;
            var after = pointers[key].Advance(receipt.Delivered, receipt.Read, membership.LastSequence);
            if (after != pointers[key])
                moved.Add(key);
            pointers[key] = after;
        }

        var stored = moved.Count == 0 ? [] : await MoveAsync(connection, moved, pointers);
        foreach (var receipt in batch)
        {
            var key = (receipt.ConversationId, receipt.UserId);
            receipt.Answer.TrySetResult(
                !memberships.ContainsKey(key) ? MessagingFailures.ConversationNotFound
                : stored.TryGetValue(key, out var now) ? now
                : new MemberReceipts(receipt.ConversationId, receipt.UserId, pointers[key].Delivered, pointers[key].Read));
        }

        await Task.WhenAll(stored.Values.Select(receipts => broadcast.ReceiptsChangedAsync([.. members[receipts.ConversationId]], receipts)));
    }

    private static async Task<Dictionary<(Guid, Guid), MemberReceipts>> MoveAsync(
        MySqlConnector.MySqlConnection connection, HashSet<(Guid ConversationId, Guid UserId)> moved, Dictionary<(Guid, Guid), ReceiptPointer> pointers)
    {
        var parameters = new DynamicParameters();
        var sql = new StringBuilder();
        var index = 0;
        foreach (var key in moved)
        {
            var pointer = pointers[key];
            sql.Append(CultureInfo.InvariantCulture, $"""
                UPDATE conversation_members
                SET delivered_sequence = GREATEST(delivered_sequence, @d{index}), read_sequence = GREATEST(read_sequence, @r{index})
                WHERE conversation_id = @c{index} AND user_id = @u{index};
                """);
            parameters.Add($"c{index}", key.ConversationId);
            parameters.Add($"u{index}", key.UserId);
            parameters.Add($"d{index}", pointer.Delivered);
            parameters.Add($"r{index}", pointer.Read);
            index++;
        }

        parameters.Add("movedConversations", moved.Select(key => key.ConversationId).Distinct().ToList());
        sql.Append("""
            SELECT conversation_id, user_id, delivered_sequence, read_sequence FROM conversation_members
            WHERE conversation_id IN @movedConversations;
            """);
        var rows = await connection.QueryAsync<MemberReceipts>(sql.ToString(), parameters);
        return rows.Where(row => moved.Contains((row.ConversationId, row.UserId))).ToDictionary(row => (row.ConversationId, row.UserId));
    }
}
