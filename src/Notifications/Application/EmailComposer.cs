using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;
using ChatApp.Notifications.Infrastructure.Delivery;
using ChatApp.Notifications.Infrastructure.Templates;
using ChatApp.Notifications.Infrastructure.Signing;
using Microsoft.Extensions.Options;

namespace ChatApp.Notifications.Application;

/// <summary>Whom an email goes to, and in which language and time zone it speaks.</summary>
public sealed record Addressee(Guid UserId, string Address, string Name, string Language, string TimeZone)
{
    public static Addressee Of(Recipient recipient) =>
        new(recipient.UserId, recipient.Email, recipient.DisplayName, recipient.Preferences.Language, recipient.Preferences.TimeZone);

    public string Time(DateTimeOffset moment) => LocalTime.Format(moment, Language, TimeZone);
}

/// <summary>Writes an email from its templates, with the unsubscribe link its kind needs, ready to queue.</summary>
public sealed class EmailComposer(EmailTemplates templates, UnsubscribeLinks unsubscribeLinks, IOptions<EmailOptions> options, TimeProvider clock)
{
    public async Task<OutgoingEmail> ComposeAsync(
        EmailKind kind, Addressee to, object model, DateTimeOffset eventOccurredAt, CancellationToken cancellationToken,
        DateTimeOffset? dueAt = null, DateTimeOffset? expiresAt = null)
    {
        var unsubscribeUrl = kind.UnsubscribeList() is { } list ? await unsubscribeLinks.CreateAsync(to.UserId, list, cancellationToken) : null;
        var language = EmailLanguage.Resolve(to.Language);
        var rendered = await templates.RenderAsync(kind, language, model, new EmailTemplates.CommonValues(to.Name, options.Value.AppUrl, unsubscribeUrl));
        return new OutgoingEmail(
            Guid.CreateVersion7(), kind, to.UserId, to.Address, to.Name, language,
            rendered.Subject, rendered.Html, rendered.Text, unsubscribeUrl,
            dueAt ?? clock.GetUtcNow(), expiresAt, eventOccurredAt);
    }
}
