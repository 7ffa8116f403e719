using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Limits;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// Writes to someone directly: the conversation of the pair is made by the first message, by
/// whichever of the two writes first, and there is only ever one per pair.
/// The members of a direct conversation are always the two of them, so its envelope is checked
/// against the pair before anything is made: a refused first message leaves no conversation behind.
/// </summary>
public sealed class SendDirectMessage(UnitOfWorkFactory unitOfWorks, SendMessage send, IRateLimits limits, IChatBroadcast broadcast, TimeProvider clock, IOptions<MessagingOptions> options)
{
    public async Task<Result<MessageView>> ExecuteAsync(Guid senderId, Guid recipientId, NewMessage message, CancellationToken cancellationToken)
    {
        if (senderId == recipientId)
            return MessagingFailures.CannotMessageYourself;
        if (await limits.RefusalAsync(senderId, LimitedAction.Send, cancellationToken) is { } tooMany)
            return tooMany;

        var envelope = SentEnvelope.Read(message.Body, senderId, options.Value.MaxBodyBytes);
        if ((envelope.Failure ?? envelope.Value!.CheckMembers([senderId, recipientId])) is { } refused)
            return refused;

        var conversation = await FindOrStartAsync(new DirectPair(senderId, recipientId), cancellationToken);
        return conversation is { } id
            ? await send.ExecuteAsync(senderId, id, message, envelope.Value!, cancellationToken)
            : MessagingFailures.UserNotFound;
    }

    /// <summary>The pair's conversation, made now if it does not exist; null when the other person is unknown.</summary>
    private async Task<Guid?> FindOrStartAsync(DirectPair pair, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var existing = await unitOfWork.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT id FROM conversations WHERE direct_key = @Key", new { pair.Key }, cancellationToken);
        if (existing is not null)
            return existing;

        var known = await ConversationStore.KnownUsersAsync(unitOfWork.Connection, unitOfWork.Transaction, [pair.First, pair.Second], cancellationToken);
        if (known.Count < 2)
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        // Two first messages at once: the unique direct_key lets one insert win; the other reads its row.
        var created = await unitOfWork.ExecuteAsync("""
            INSERT IGNORE INTO conversations (id, kind, direct_key, name, created_at, last_sequence, last_version, last_activity_at)
            VALUES (@id, 'Direct', @key, NULL, @now, 0, 0, @now)
            """, new { id, key = pair.Key, now }, cancellationToken) == 1;
        if (!created)
            return await unitOfWork.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM conversations WHERE direct_key = @Key", new { pair.Key }, cancellationToken);

        await unitOfWork.ExecuteAsync("""
            INSERT INTO conversation_members (conversation_id, user_id, role, joined_at, joined_sequence, delivered_sequence, read_sequence, notified_sequence)
            VALUES (@id, @first, 'Member', @now, 0, 0, 0, 0), (@id, @second, 'Member', @now, 0, 0, 0, 0)
            """, new { id, first = pair.First, second = pair.Second, now }, cancellationToken);
        var detail = await ConversationStore.DetailAsync(unitOfWork.Connection, unitOfWork.Transaction, id, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        await broadcast.ConversationChangedAsync([pair.First, pair.Second], detail!);
        return id;
    }
}
