using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Emails;

/// <summary>Whom an email goes to, and in which language and time zone it speaks.</summary>
public sealed record Addressee(Guid UserId, string Address, string Name, string Language, string TimeZone)
{
    public static Addressee Of(Recipient recipient) =>
        new(recipient.UserId, recipient.Email, recipient.DisplayName, recipient.Preferences.Language, recipient.Preferences.TimeZone);

    public string Time(DateTimeOffset moment) => LocalTime.Format(moment, Language, TimeZone);
}
