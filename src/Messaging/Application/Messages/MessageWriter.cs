using System.Data.Common;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Batching;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>A message waiting to be stored.</summary>
public sealed class PendingSend(Guid senderId, Guid conversationId, NewMessage message, MessageEnvelope envelope) : Batched<Result<MessageView>>
{
    public Guid SenderId { get; } = senderId;

    public Guid ConversationId { get; } = conversationId;

    public NewMessage Message { get; } = message;

    /// <summary>The message's envelope, well formed and of this sender; whom it holds keys for is checked when it is stored.</summary>
    public MessageEnvelope Envelope { get; } = envelope;
}

/// <summary>
/// Stores the messages sent meanwhile in one transaction: one round trip reads what they need
/// (memberships, locking their conversations; retried client ids; members), one writes them, and
/// the commit makes them durable together. Each is then answered (the sender's ✓) and pushed to
/// its conversation's members. The rules are those of a single send: only members send,
/// sequence numbers are gapless per conversation, a client id already stored returns that message,
/// and an envelope holds a key for each member of the conversation now and for nobody else.
/// </summary>
public sealed class MessageWriter(IUnitOfWorkFactory unitOfWorks, IMessageStore messages, IChatBroadcast broadcast, TimeProvider clock, IOptions<MessagingOptions> options)
    : Batcher<PendingSend, Result<MessageView>>(options.Value.WriteQueue)
{
    protected override Result<MessageView> Busy(TimeSpan retryAfter) => MessagingFailures.RateLimited(retryAfter);

    protected override async Task WriteAsync(IReadOnlyList<PendingSend> batch)
    {
        IReadOnlyList<Outcome>? outcomes;
        try
        {
            outcomes = await StoreAsync(batch);
        }
        catch (DbException) when (batch.Count > 1)
        {
            outcomes = null;
        }

        // One send spoiled the batch (its client id stored meanwhile for another conversation, or a
        // deadlock with another replica's batch): each is stored on its own, so only it fails.
        outcomes ??= batch.Count > 1 ? await StoreOneByOneAsync(batch) : [new Outcome(batch[0], MessagingFailures.ClientIdReused, null)];

        foreach (var outcome in outcomes)
            outcome.Send.Answer.TrySetResult(outcome.Result);
        await Task.WhenAll(outcomes
            .Where(outcome => outcome.Members is not null)
            .Select(outcome => broadcast.MessageAddedAsync(outcome.Members!, outcome.Result.Value!, outcome.Send.Message.AnsweredConnection)));
    }

    private async Task<IReadOnlyList<Outcome>> StoreOneByOneAsync(IReadOnlyList<PendingSend> batch)
    {
        var outcomes = new List<Outcome>(batch.Count);
        foreach (var send in batch)
        {
            try
            {
                // The conversation's lock serialises retries within it; the same id sent into another
                // conversation at the same moment meets the unique key instead.
                outcomes.AddRange(await StoreAsync([send]) ?? [new Outcome(send, MessagingFailures.ClientIdReused, null)]);
            }
            catch (DbException ex)
            {
                send.Answer.TrySetException(ex);
            }
        }
        return outcomes;
    }

    /// <returns>Null, nothing stored, when a send's client id was stored meanwhile by another transaction.</returns>
    private async Task<IReadOnlyList<Outcome>?> StoreAsync(IReadOnlyList<PendingSend> batch)
    {
        var conversationIds = batch.Select(send => send.ConversationId).Distinct().Order().ToList();
        var senderIds = batch.Select(send => send.SenderId).ToHashSet();
        var clientMessageIds = batch.Select(send => send.Message.ClientMessageId).Distinct().ToList();

        await using var unitOfWork = await unitOfWorks.BeginAsync(CancellationToken.None);
        // Locking the conversations, then reading them, puts sends of one conversation in a row:
        // gapless sequence numbers, and a retry that raced its original finds it stored (each
        // statement of a READ COMMITTED transaction sees the latest commits).
        var locked = await messages.LockForSendingAsync(unitOfWork, conversationIds, clientMessageIds);
        var memberships = locked.Memberships.ToDictionary(m => (m.ConversationId, m.UserId));
        var members = locked.Memberships.ToLookup(m => m.ConversationId, m => m.UserId);
        // Client ids are the devices' random UUIDs: another sender's equal one is not a retry.
        var stored = locked.StoredWithClientIds.Where(m => senderIds.Contains(m.SenderId)).ToDictionary(m => (m.SenderId, m.ClientMessageId));

        var counters = memberships.Values.DistinctBy(m => m.ConversationId)
            .ToDictionary(m => m.ConversationId, m => (Sequence: m.LastSequence, Version: m.LastVersion));
        var now = Times.Now(clock);
        var outcomes = new List<Outcome>(batch.Count);
        var newRows = new List<MessageRow>();
        foreach (var send in batch)
        {
            if (!memberships.TryGetValue((send.ConversationId, send.SenderId), out var membership))
            {
                outcomes.Add(new Outcome(send, MessagingFailures.ConversationNotFound, null));
                continue;
            }

            if (stored.TryGetValue((send.SenderId, send.Message.ClientMessageId), out var original))
            {
                outcomes.Add(new Outcome(send, original.ConversationId == send.ConversationId ? original.ToView() : MessagingFailures.ClientIdReused, null));
                continue;
            }

            // Under the conversation's lock: the members now, sender included, each with a key, and nobody else.
            if (send.Envelope.CheckMembers([.. members[send.ConversationId]]) is { } refused)
            {
                outcomes.Add(new Outcome(send, refused, null));
                continue;
            }

            var (sequence, version) = counters[send.ConversationId];
            if (send.Message.ReplyToSequence is { } replyTo && (replyTo <= membership.JoinedSequence || replyTo > sequence))
            {
                outcomes.Add(new Outcome(send, MessagingFailures.ReplyNotFound, null));
                continue;
            }

            var row = new MessageRow(send.ConversationId, sequence + 1, version + 1, send.SenderId,
                send.Message.ClientMessageId, send.Message.Body, send.Message.ReplyToSequence, now, null, null);
            counters[send.ConversationId] = (row.Sequence, row.Version);
            stored[(send.SenderId, send.Message.ClientMessageId)] = row;
            newRows.Add(row);
            outcomes.Add(new Outcome(send, row.ToView(), [.. members[send.ConversationId]]));
        }

        if (newRows.Count > 0 && !await messages.TryAddAsync(unitOfWork, newRows))
            return null;
        await unitOfWork.CommitAsync(CancellationToken.None);
        return outcomes;
    }

    /// <summary>What became of one send: its answer, and the members to push it to when it was stored now.</summary>
    private sealed record Outcome(PendingSend Send, Result<MessageView> Result, IReadOnlyList<Guid>? Members);
}
