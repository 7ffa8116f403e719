using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Emails;

/// <summary>Writes an email from its templates, with the unsubscribe link its kind needs, ready to queue.</summary>
public interface IEmailComposer
{
    /// <param name="model">What this kind of email shows (one of the records in EmailModels).</param>
    /// <param name="dueAt">When it may go; now when null.</param>
    /// <param name="expiresAt">When it is no use any more and must not go (a sign-in code); never when null.</param>
    Task<OutgoingEmail> ComposeAsync(
        EmailKind kind, Addressee addressee, object model, DateTimeOffset eventOccurredAt, CancellationToken cancellationToken,
        DateTimeOffset? dueAt = null, DateTimeOffset? expiresAt = null);
}
