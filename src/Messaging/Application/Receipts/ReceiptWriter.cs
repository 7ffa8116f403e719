using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Batching;
using ChatApp.Messaging.Application.Conversations;
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
public sealed class ReceiptWriter(IConversationStore conversations, IReceiptStore receipts, IChatBroadcast broadcast, IOptions<MessagingOptions> options)
    : Batcher<PendingReceipt, Result<MemberReceipts>>(options.Value.WriteQueue)
{
    protected override Result<MemberReceipts> Busy(TimeSpan retryAfter) => MessagingFailures.RateLimited(retryAfter);

    protected override async Task WriteAsync(IReadOnlyList<PendingReceipt> batch)
    {
        var conversationIds = batch.Select(receipt => receipt.ConversationId).Distinct().ToList();
        var all = await conversations.MembershipsAsync(conversationIds, CancellationToken.None);
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

        var stored = moved.Count == 0
            ? []
            : (await receipts.MoveAsync([.. moved.Select(key => new MemberReceipts(key.ConversationId, key.UserId, pointers[key].Delivered, pointers[key].Read))]))
                .ToDictionary(row => (row.ConversationId, row.UserId));
        foreach (var receipt in batch)
        {
            var key = (receipt.ConversationId, receipt.UserId);
            receipt.Answer.TrySetResult(
                !memberships.ContainsKey(key) ? MessagingFailures.ConversationNotFound
                : stored.TryGetValue(key, out var now) ? now
                : new MemberReceipts(receipt.ConversationId, receipt.UserId, pointers[key].Delivered, pointers[key].Read));
        }

        await Task.WhenAll(stored.Values.Select(now => broadcast.ReceiptsChangedAsync(Audience(now), now)));

        // The other members' devices turn their ticks. Mine follow only my read pointer (the unread
        // count); that one of my devices received a message tells my others nothing, so a move of the
        // delivered pointer alone is not pushed back to me: one push fewer for nearly every message.
        IReadOnlyCollection<Guid> Audience(MemberReceipts now) =>
            now.ReadSequence > memberships[(now.ConversationId, now.UserId)].Receipts.Read
                ? [.. members[now.ConversationId]]
                : [.. members[now.ConversationId].Where(member => member != now.UserId)];
    }
}
