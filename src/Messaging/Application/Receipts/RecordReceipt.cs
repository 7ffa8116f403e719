using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using Dapper;

namespace ChatApp.Messaging.Application.Receipts;

/// <summary>
/// One of my devices has received (<c>delivered</c>) or shown me (<c>read</c>) a conversation up
/// to a sequence number. Pointers only move forward; when mine moved, every member's devices
/// hear of it, which turns the senders' ticks.
/// </summary>
public sealed class RecordReceipt(ServiceDatabase database, IChatBroadcast broadcast)
{
    public async Task<Result<MemberReceipts>> ExecuteAsync(Guid userId, Guid conversationId, long? delivered, long? read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        Membership? membership;
        List<Guid> members;
        await using (var reads = await connection.QueryMultipleAsync(new CommandDefinition(
            ConversationStore.MembershipSql(lockConversation: false) + ConversationStore.MemberIdsSql,
            new { conversationId, userId }, cancellationToken: cancellationToken)))
        {
            membership = await reads.ReadSingleOrDefaultAsync<Membership>();
            members = [.. await reads.ReadAsync<Guid>()];
        }

        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        var before = membership.Receipts;
        var after = before.Advance(delivered, read, membership.LastSequence);
        var receipts = new MemberReceipts(conversationId, userId, after.Delivered, after.Read);
        if (after == before)
            return receipts;

        // No transaction: GREATEST keeps the pointers monotonic against another device of mine
        // reporting at the same moment, and what is pushed is read back after the update, so a
        // push never shows less than the database held at that moment.
        var stored = await connection.QuerySingleAsync<MemberReceipts>(new CommandDefinition("""
            UPDATE conversation_members
            SET delivered_sequence = GREATEST(delivered_sequence, @DeliveredSequence), read_sequence = GREATEST(read_sequence, @ReadSequence)
            WHERE conversation_id = @ConversationId AND user_id = @UserId;
            SELECT conversation_id, user_id, delivered_sequence, read_sequence FROM conversation_members
            WHERE conversation_id = @ConversationId AND user_id = @UserId;
            """, receipts, cancellationToken: cancellationToken));

        await broadcast.ReceiptsChangedAsync(members, stored);
        return stored;
    }
}
