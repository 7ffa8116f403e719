using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Limits;
using ChatApp.Messaging.Application.Users;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// Writes to someone directly: the conversation of the pair is made by the first message, by
/// whichever of the two writes first, and there is only ever one per pair.
/// The members of a direct conversation are always the two of them, so its envelope is checked
/// against the pair before anything is made: a refused first message leaves no conversation behind.
/// </summary>
public sealed class SendDirectMessage(
    IUnitOfWorkFactory unitOfWorks, IConversationStore conversations, IUserDirectory users, SendMessage send, IRateLimits limits, IChatBroadcast broadcast, TimeProvider clock, IOptions<MessagingOptions> options)
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
        var existing = await conversations.FindDirectAsync(unitOfWork, pair, cancellationToken);
        if (existing is not null)
            return existing;

        var known = await users.WhichAreKnownAsync(unitOfWork, [pair.First, pair.Second], cancellationToken);
        if (known.Count < 2)
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        // Two first messages at once: one start wins; the other reads its conversation.
        if (!await conversations.TryStartDirectAsync(unitOfWork, id, pair, now, cancellationToken))
            return await conversations.FindDirectAsync(unitOfWork, pair, cancellationToken);

        var detail = await conversations.DetailAsync(unitOfWork, id, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        await broadcast.ConversationChangedAsync([pair.First, pair.Second], detail!);
        return id;
    }
}
