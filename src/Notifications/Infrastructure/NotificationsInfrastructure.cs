using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Secrets;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Application.Events;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Infrastructure.Delivery;
using ChatApp.Notifications.Infrastructure.Persistence;
using ChatApp.Notifications.Infrastructure.Signing;
using ChatApp.Notifications.Infrastructure.Smtp;
using ChatApp.Notifications.Infrastructure.Templates;

namespace ChatApp.Notifications.Infrastructure;

public static class NotificationsInfrastructure
{
    /// <summary>
    /// The service's own keys (table secrets) encrypted with Data Protection, its key ring
    /// encrypted with the configured key-encryption keys. Call it right after AddServiceDatabase.
    /// </summary>
    public static IHostApplicationBuilder AddNotificationsSecrets(this IHostApplicationBuilder builder) =>
        builder.AddSecretProtection("ChatApp.Notifications", new SecretColumn("secrets", "name", "value", SecretStore.Purpose));

    /// <summary>
    /// The recipients, templates, the email queue and its delivery worker over SMTP, unsubscribe
    /// links, and the opening of sealed sign-in codes: everything the handlers and use cases use.
    /// </summary>
    public static IHostApplicationBuilder AddNotificationsInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(smtp => smtp.Host.Length > 0 && smtp.Port is > 0 and < 65536, "Smtp:Host and Smtp:Port must name a server.")
            .Validate(smtp => smtp.From.Contains('@', StringComparison.Ordinal), "Smtp:From must be an email address.")
            .ValidateOnStart();
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(email => email.MaxAttempts >= 1, "Email:MaxAttempts must be at least 1.")
            .ValidateOnStart();

        // Sign-in codes arrive sealed by Identity; their emails wait sealed too.
        builder.AddEventSeal();
        builder.Services.AddSingleton<ISignInCodes, SealedSignInCodes>();
        builder.Services.AddSingleton<IRecipients, MySqlRecipients>();
        builder.Services.AddSingleton(_ => EmailTemplates.Load(EmailTemplates.DefaultFolder));
        builder.Services.AddSingleton<IEmailComposer, EmailComposer>();
        builder.Services.AddSingleton<IEmailAddresses, MimeKitEmailAddresses>();
        builder.Services.AddSingleton<IEmailMetrics, EmailMetrics>();
        builder.Services.AddSingleton<SmtpTransport>();
        builder.Services.AddSingleton<EmailSignal>();
        builder.Services.AddSingleton<IOutgoingEmails, MySqlOutgoingEmails>();
        builder.Services.AddSingleton<EmailDelivery>();
        builder.Services.AddHostedService<EmailDispatcher>();
        builder.Services.AddSingleton<SecretStore>();
        builder.Services.AddSingleton<IUnsubscribeLinks, UnsubscribeLinks>();
        return builder;
    }
}
