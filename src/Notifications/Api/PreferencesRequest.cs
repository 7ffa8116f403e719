using ChatApp.Notifications.Domain;
using FluentValidation;

namespace ChatApp.Notifications.Api;

/// <summary>The whole set of preferences; every field is required.</summary>
public sealed record PreferencesRequest(bool? MissedCallEmails, bool? UnreadDigestEmails, string? Language, string? TimeZone)
{
    public NotificationPreferences ToPreferences() => new(MissedCallEmails!.Value, UnreadDigestEmails!.Value, Language!, TimeZone!);
}

public sealed class PreferencesRequestValidator : AbstractValidator<PreferencesRequest>
{
    public PreferencesRequestValidator()
    {
        RuleFor(r => r.MissedCallEmails).NotNull().WithMessage("Say true or false.");
        RuleFor(r => r.UnreadDigestEmails).NotNull().WithMessage("Say true or false.");
        RuleFor(r => r.Language).Must(EmailLanguage.IsSupported)
            .WithMessage($"Use one of: {string.Join(", ", EmailLanguage.Supported)}.");
        RuleFor(r => r.TimeZone).Must(LocalTime.IsKnownTimeZone)
            .WithMessage("Use an IANA time zone name, such as Europe/Istanbul or UTC.");
    }
}
