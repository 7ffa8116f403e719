using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Tests.Domain;

public sealed class PreferencesTests
{
    [Fact]
    public void New_users_get_every_email_in_their_language_in_utc()
    {
        var preferences = NotificationPreferences.Defaults("tr");
        Assert.Equal(new NotificationPreferences(true, true, "tr", "UTC"), preferences);
    }

    [Fact]
    public void An_unsupported_language_falls_back_to_english() => Assert.Equal("en", NotificationPreferences.Defaults("klingon").Language);

    [Theory]
    [InlineData(EmailList.MissedCalls, false, true)]
    [InlineData(EmailList.UnreadDigests, true, false)]
    [InlineData(EmailList.All, false, false)]
    public void Unsubscribing_switches_off_only_its_list(EmailList list, bool missedCalls, bool digests)
    {
        var after = NotificationPreferences.Defaults("en").Unsubscribe(list);
        Assert.Equal((missedCalls, digests), (after.MissedCallEmails, after.UnreadDigestEmails));
        Assert.Equal("en", after.Language);
    }

    [Fact]
    public void Sign_in_codes_have_no_unsubscribe_list_and_every_other_email_has_one()
    {
        Assert.Null(EmailKind.SignInCode.UnsubscribeList());
        Assert.All(EmailKinds.All.Where(kind => kind != EmailKind.SignInCode), kind => Assert.NotNull(kind.UnsubscribeList()));
    }

    [Fact]
    public void Kind_names_read_back() => Assert.All(EmailKinds.All, kind => Assert.Equal(kind, EmailKinds.Parse(kind.Name())));

    [Theory]
    [InlineData("Europe/Istanbul", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    public void Time_zones_are_iana_names(string zone, bool known) => Assert.Equal(known, LocalTime.IsKnownTimeZone(zone));

    [Fact]
    public void Times_are_shown_in_the_recipients_zone_and_language()
    {
        var moment = new DateTimeOffset(2026, 11, 24, 12, 30, 0, TimeSpan.Zero);
        var turkish = LocalTime.Format(moment, "tr", "Europe/Istanbul");
        Assert.Contains("Kasım", turkish);
        Assert.Contains("15:30", turkish);
        Assert.Contains("Europe/Istanbul", turkish);
        var english = LocalTime.Format(moment, "en", "UTC");
        Assert.Contains("November", english);
        Assert.Contains("12:30", english);
    }
}
