using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Secrets;
using ChatApp.Notifications.Api;
using ChatApp.Notifications.Application;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Infrastructure.Delivery;
using ChatApp.Notifications.Infrastructure.Smtp;
using ChatApp.Notifications.Infrastructure.Templates;
using ChatApp.Notifications.Infrastructure.Signing;
using FluentValidation;

namespace ChatApp.Notifications.Infrastructure;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The service's own keys (table secrets) encrypted with Data Protection, its key ring
    /// encrypted with the configured key-encryption keys. Call it right after AddServiceDatabase.
    /// </summary>
    public static IHostApplicationBuilder AddNotificationsSecrets(this IHostApplicationBuilder builder) =>
        builder.AddSecretProtection("ChatApp.Notifications", new SecretColumn("secrets", "name", "value", SecretStore.Purpose));

    /// <summary>Templates, the email queue and its delivery worker over SMTP, and unsubscribe links.</summary>
    public static IHostApplicationBuilder AddEmailDelivery(this IHostApplicationBuilder builder)
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
        builder.Services.AddSingleton(_ => EmailTemplates.Load(EmailTemplates.DefaultFolder));
        builder.Services.AddSingleton<SmtpTransport>();
        builder.Services.AddSingleton<EmailSignal>();
        builder.Services.AddSingleton<OutgoingEmails>();
        builder.Services.AddSingleton<EmailDelivery>();
        builder.Services.AddHostedService<EmailDispatcher>();
        builder.Services.AddSingleton<SecretStore>();
        builder.Services.AddSingleton<UnsubscribeLinks>();
        builder.Services.AddSingleton<EmailComposer>();
        return builder;
    }

    /// <summary>The preference and unsubscribe use cases behind the API.</summary>
    public static IHostApplicationBuilder AddPreferenceUseCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GetPreferences>();
        builder.Services.AddSingleton<UpdatePreferences>();
        builder.Services.AddSingleton<Unsubscribe>();
        builder.Services.AddValidatorsFromAssemblyContaining<PreferencesRequestValidator>(ServiceLifetime.Singleton);
        return builder;
    }
}
