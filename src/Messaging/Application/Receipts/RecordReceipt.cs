using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Limits;

namespace ChatApp.Messaging.Application.Receipts;

/// <summary>
/// One of my devices has received (<c>delivered</c>) or shown me (<c>read</c>) a conversation up
/// to a sequence number. Pointers only move forward; when mine moved, every member's devices
/// hear of it, which turns the senders' ticks. Reports arriving together are recorded together
/// (<see cref="ReceiptWriter"/>).
/// </summary>
public sealed class RecordReceipt(ReceiptWriter writer, IRateLimits limits)
{
    public async Task<Result<MemberReceipts>> ExecuteAsync(Guid userId, Guid conversationId, long? delivered, long? read, CancellationToken cancellationToken) =>
        await limits.RefusalAsync(userId, LimitedAction.Receipt, cancellationToken) is { } tooMany
            ? tooMany
            : await writer.SubmitAsync(new PendingReceipt(userId, conversationId, delivered, read), cancellationToken);
}
