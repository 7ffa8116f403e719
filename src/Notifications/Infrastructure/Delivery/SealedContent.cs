using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Notifications.Application.Emails;

namespace ChatApp.Notifications.Infrastructure.Delivery;

/// <summary>
/// The subject and bodies of an email that holds a secret, sealed while the row waits for the mail
/// server (and between retries), so the table, its redo log and backups never hold the secret in
/// clear. Each part is bound to the email's id and its column: it opens nowhere else.
/// </summary>
public static class SealedContent
{
    public static OutgoingEmail Seal(EventSeal seal, OutgoingEmail email) => email with
    {
        Subject = seal.Seal(email.Subject, Context(email.Id, "subject")),
        Html = seal.Seal(email.Html, Context(email.Id, "html")),
        Text = seal.Seal(email.Text, Context(email.Id, "text")),
    };

    /// <summary>The subject, HTML and text in clear; null if any part does not open (sealed under another key, or changed).</summary>
    public static (string Subject, string Html, string Text)? Open(EventSeal seal, Guid id, string subject, string? html, string? text) =>
        (seal.Open(subject, Context(id, "subject")), seal.Open(html, Context(id, "html")), seal.Open(text, Context(id, "text"))) is ({ } s, { } h, { } t)
            ? (s, h, t)
            : null;

    private static string Context(Guid emailId, string part) => $"outgoing-email:{emailId}:{part}";
}
