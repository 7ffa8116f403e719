using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Digests;

/// <summary>
/// Finds members who are offline and have had a message waiting unread for longer than
/// <see cref="MessagingOptions.DigestAfter"/>, and announces it once per message
/// (<see cref="UnreadMessagesWaiting"/>, which Notifications turns into a digest email). One replica does it at a time.
/// </summary>
public sealed class CollectUnreadDigests(IUnitOfWorkFactory unitOfWorks, IUnreadDigestStore store, IPresenceStore presence, IOptions<MessagingOptions> options, TimeProvider clock)
{
    /// <summary>Messages older than this are not announced any more: a digest about last week helps nobody.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    /// <summary>Returns how many people were sent a digest.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dueBefore = now - options.Value.DigestAfter;
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        // Another replica scanning now: this one skips its turn.
        if (!await store.TryTakeTurnAsync(unitOfWork, cancellationToken))
            return 0;

        var waiting = await store.WaitingAsync(unitOfWork, now - Horizon, dueBefore, cancellationToken);
        if (waiting.Count == 0)
            return 0;

        var online = await presence.WhichAreOnlineAsync([.. waiting.Select(row => row.UserId).Distinct()]);
        var digests = waiting.Where(row => !online.Contains(row.UserId)).GroupBy(row => row.UserId).ToList();
        foreach (var digest in digests)
        {
            await unitOfWork.EnqueueEventAsync(new UnreadMessagesWaiting(
                digest.Key,
                [.. digest.Select(row => new UnreadConversation(
                    row.ConversationId, row.Kind == ConversationKind.Group ? row.Name : null, row.Unread,
                    row.SenderIds, row.OldestUnreadAt))],
                now), cancellationToken);
            foreach (var row in digest)
                await store.MarkNotifiedAsync(unitOfWork, row, cancellationToken);
        }

        await unitOfWork.CommitAsync(cancellationToken);
        return digests.Count;
    }
}
