using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Infrastructure.Delivery;

/// <summary>
/// The outgoing_emails table, written inside the event handlers' units of work. An email whose
/// words hold a secret is written sealed (<see cref="SealedContent"/>); the delivery opens it.
/// </summary>
public sealed class MySqlOutgoingEmails(EmailSignal signal, EventSeal seal, TimeProvider clock) : IOutgoingEmails
{
    public async Task EnqueueAsync(IUnitOfWork unitOfWork, OutgoingEmail email, CancellationToken cancellationToken)
    {
        if (email.Kind.HoldsSecret())
            email = SealedContent.Seal(seal, email);
        await UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            INSERT INTO outgoing_emails (id, kind, recipient_user_id, to_address, to_name, language, subject, html_body, text_body,
                                         unsubscribe_url, status, attempts, due_at, expires_at, event_occurred_at, created_at)
            VALUES (@Id, @kind, @RecipientUserId, @ToAddress, @ToName, @Language, @Subject, @Html, @Text,
                    @UnsubscribeUrl, 'pending', 0, @dueAt, @expiresAt, @eventOccurredAt, @createdAt)
            """,
            new
            {
                email.Id, kind = email.Kind.Name(), email.RecipientUserId, email.ToAddress, email.ToName, email.Language,
                email.Subject, email.Html, email.Text, email.UnsubscribeUrl,
                dueAt = email.DueAt.UtcDateTime, expiresAt = email.ExpiresAt?.UtcDateTime,
                eventOccurredAt = email.EventOccurredAt.UtcDateTime, createdAt = clock.GetUtcNow().UtcDateTime,
            },
            cancellationToken);
        unitOfWork.AfterCommit(signal.Notify);
    }

    public async Task<(Guid? WaitingId, DateTimeOffset? LatestAt)> FindDigestSlotAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken)
    {
        var waiting = await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<Guid?>("""
            SELECT id FROM outgoing_emails
            WHERE recipient_user_id = @userId AND kind = @kind AND status = 'pending' AND attempts = 0
            ORDER BY due_at LIMIT 1 FOR UPDATE
            """, new { userId, kind = EmailKind.UnreadDigest.Name() }, cancellationToken);
        var latest = await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<DateTime?>("""
            SELECT MAX(COALESCE(finished_at, due_at)) FROM outgoing_emails
            WHERE recipient_user_id = @userId AND kind = @kind AND status IN ('pending', 'sent')
            """, new { userId, kind = EmailKind.UnreadDigest.Name() }, cancellationToken);
        return (waiting, latest is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
    }

    public async Task ReplaceContentAsync(IUnitOfWork unitOfWork, Guid id, OutgoingEmail fresher, CancellationToken cancellationToken)
    {
        await UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            UPDATE outgoing_emails SET subject = @Subject, html_body = @Html, text_body = @Text, language = @Language,
                                       to_address = @ToAddress, to_name = @ToName, event_occurred_at = @eventOccurredAt
            WHERE id = @id
            """, new { id, fresher.Subject, fresher.Html, fresher.Text, fresher.Language, fresher.ToAddress, fresher.ToName, eventOccurredAt = fresher.EventOccurredAt.UtcDateTime },
            cancellationToken);
        unitOfWork.AfterCommit(signal.Notify);
    }
}
