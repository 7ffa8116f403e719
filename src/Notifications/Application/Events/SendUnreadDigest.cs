using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Events;

/// <summary>
/// Turns "messages wait unread" into a digest: who wrote and how many, never what. At most one
/// per user per hour: a newer picture replaces a digest still waiting for its slot, otherwise
/// the new digest waits until an hour after the last one.
/// </summary>
public sealed class SendUnreadDigest(
    IRecipients recipients, IEmailComposer composer, IOutgoingEmails outgoing, IEmailMetrics metrics, TimeProvider clock)
    : IHandles<UnreadMessagesWaiting>
{
    public async Task HandleAsync(UnreadMessagesWaiting message, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        EventChecks.Require(message.Conversations is { Count: > 0 }, nameof(UnreadMessagesWaiting), "no conversations");
        EventChecks.Require(message.Conversations.All(c => c.UnreadCount > 0 && c.SenderIds is { Count: > 0 }), nameof(UnreadMessagesWaiting),
            "a conversation without unread messages or senders");

        // Locking the recipient serialises two digests for one user, so they cannot both take the same slot.
        var recipient = await recipients.GetAsync(unitOfWork, message.RecipientId, cancellationToken, forUpdate: true);
        if (!recipient.Preferences.UnreadDigestEmails)
        {
            metrics.RecordSkipped(EmailKind.UnreadDigest);
            return;
        }

        var to = Addressee.Of(recipient);
        var model = await DescribeAsync(message, to, unitOfWork, cancellationToken);
        var (waitingId, latestAt) = await outgoing.FindDigestSlotAsync(unitOfWork, recipient.UserId, cancellationToken);
        var email = await composer.ComposeAsync(EmailKind.UnreadDigest, to, model, message.OccurredAt, cancellationToken,
            dueAt: DigestSchedule.NextSlot(latestAt, clock.GetUtcNow()));
        if (waitingId is { } id)
            await outgoing.ReplaceContentAsync(unitOfWork, id, email, cancellationToken);
        else
            await outgoing.EnqueueAsync(unitOfWork, email, cancellationToken);
    }

    private async Task<UnreadDigestModel> DescribeAsync(UnreadMessagesWaiting message, Addressee to, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var senderIds = message.Conversations.SelectMany(c => c.SenderIds).Distinct().ToList();
        var names = await recipients.FindNamesAsync(unitOfWork, senderIds, cancellationToken);
        string NameOf(Guid id) => names.TryGetValue(id, out var known) ? known.DisplayName : "?";

        var lines = message.Conversations
            .OrderBy(c => c.OldestUnreadAt)
            .Select(c => new UnreadConversationLine(
                c.GroupName ?? NameOf(c.SenderIds[0]), c.GroupName is not null, c.UnreadCount,
                string.Join(", ", c.SenderIds.Distinct().Select(NameOf)), to.Time(c.OldestUnreadAt)))
            .ToList();
        return new UnreadDigestModel(lines.Sum(line => line.UnreadCount), lines);
    }
}
