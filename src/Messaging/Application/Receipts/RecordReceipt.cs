using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;

namespace ChatApp.Messaging.Application.Receipts;

/// <summary>
/// One of my devices has received (<c>delivered</c>) or shown me (<c>read</c>) a conversation up
/// to a sequence number. Pointers only move forward; when mine moved, every member's devices
/// hear of it, which turns the senders' ticks.
/// </summary>
public sealed class RecordReceipt(UnitOfWorkFactory unitOfWorks, IChatBroadcast broadcast)
{
    public async Task<Result<MemberReceipts>> ExecuteAsync(Guid userId, Guid conversationId, long? delivered, long? read, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var membership = await ConversationStore.FindMembershipAsync(unitOfWork.Connection, unitOfWork.Transaction, conversationId, userId, cancellationToken);
        if (membership is null)
            return MessagingFailures.ConversationNotFound;

        var before = membership.Receipts;
        var after = before.Advance(delivered, read, membership.LastSequence);
        var receipts = new MemberReceipts(conversationId, userId, after.Delivered, after.Read);
        if (after == before)
            return receipts;

        // GREATEST keeps the pointers monotonic against a concurrent report from another device.
        await unitOfWork.ExecuteAsync("""
            UPDATE conversation_members
            SET delivered_sequence = GREATEST(delivered_sequence, @DeliveredSequence), read_sequence = GREATEST(read_sequence, @ReadSequence)
            WHERE conversation_id = @ConversationId AND user_id = @UserId
            """, receipts, cancellationToken);
        var members = await ConversationStore.MemberIdsAsync(unitOfWork.Connection, unitOfWork.Transaction, conversationId, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        await broadcast.ReceiptsChangedAsync(members, receipts);
        return receipts;
    }
}
