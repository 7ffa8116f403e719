using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Domain;
using ChatApp.Notifications.Infrastructure.Delivery;
using Microsoft.Extensions.Options;

namespace ChatApp.Notifications.Infrastructure.Templates;

/// <summary>Writes an email from its Liquid templates, with the unsubscribe link its kind needs, ready to queue.</summary>
public sealed class EmailComposer(EmailTemplates templates, IUnsubscribeLinks unsubscribeLinks, IOptions<EmailOptions> options, TimeProvider clock)
    : IEmailComposer
{
    public async Task<OutgoingEmail> ComposeAsync(
        EmailKind kind, Addressee addressee, object model, DateTimeOffset eventOccurredAt, CancellationToken cancellationToken,
        DateTimeOffset? dueAt = null, DateTimeOffset? expiresAt = null)
    {
        var unsubscribeUrl = kind.UnsubscribeList() is { } list ? await unsubscribeLinks.CreateAsync(addressee.UserId, list, cancellationToken) : null;
        var language = EmailLanguage.Resolve(addressee.Language);
        var rendered = await templates.RenderAsync(kind, language, model, new EmailTemplates.CommonValues(addressee.Name, options.Value.AppUrl, unsubscribeUrl));
        return new OutgoingEmail(
            Guid.CreateVersion7(), kind, addressee.UserId, addressee.Address, addressee.Name, language,
            rendered.Subject, rendered.Html, rendered.Text, unsubscribeUrl,
            dueAt ?? clock.GetUtcNow(), expiresAt, eventOccurredAt);
    }
}
