using System.Net.Http.Json;
using ChatApp.Contracts;
using ChatApp.Notifications.Tests.Support;
using MimeKit;

namespace ChatApp.Notifications.Tests.Api;

/// <summary>Each kind of email arrives at the real SMTP server with the right recipient, subject, language and content.</summary>
public sealed class EmailContentTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task A_sign_in_code_arrives_in_the_language_asked_for_without_an_unsubscribe_link()
    {
        var user = TestUsers.New("Zeynep");
        var now = DateTimeOffset.UtcNow;
        await fixture.Events.PublishAsync(SignInCodes.Requested(user.Id, user.Email, "Zeynep", "tr", "482915", now.AddMinutes(10), "127.0.0.1, Firefox on Linux", now));

        var email = await fixture.Smtp.WaitForAsync(user.Email);
        Assert.Equal("ChatApp giriş kodunuz: 482915", email.Subject);
        Assert.Equal("Zeynep", email.To.Mailboxes.Single().Name);
        Assert.Equal("chatapp@chatapp.test", email.From.Mailboxes.Single().Address);
        Assert.Equal("tr", email.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("482915", email.TextBody);
        Assert.Contains("482915", email.HtmlBody);
        Assert.Contains("10 dakika", email.TextBody);
        Assert.Contains("127.0.0.1, Firefox on Linux", email.TextBody);
        Assert.Contains("Siz değil misiniz?", email.TextBody);
        Assert.Null(email.Headers[HeaderId.ListUnsubscribe]);
        Assert.EndsWith("@chatapp.test", email.MessageId);

        // Once sent, the code is no longer kept.
        var row = Assert.Single(await fixture.EmailsToAsync(user.Email));
        Assert.Equal(("sent", "", null, null), (row.Status, row.Subject, row.HtmlBody, row.TextBody));
    }

    [Fact]
    public async Task A_new_user_is_welcomed_with_a_one_click_unsubscribe_header()
    {
        var user = await fixture.RegisterAsync("Ayşe Yılmaz");

        var email = Assert.Single(fixture.Smtp.To(user.Email));
        Assert.Equal("Welcome to ChatApp, Ayşe Yılmaz", email.Subject);
        Assert.Equal("en", email.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains($"@{user.Username}", email.TextBody);
        Assert.Matches(@"^<http://localhost:5080/api/notifications/unsubscribe\?token=[A-Za-z0-9_-]+>$", email.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", email.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task A_missed_call_says_who_called_and_when_in_the_callees_time_zone()
    {
        var caller = await fixture.RegisterAsync("Mehmet Öz");
        var callee = await fixture.RegisterAsync("Elif", language: "tr");
        using (var client = fixture.Client(callee.Id))
            (await client.PutAsJsonAsync("/preferences", new { missedCallEmails = true, unreadDigestEmails = true, language = "tr", timeZone = "Europe/Istanbul" })).EnsureSuccessStatusCode();

        var startedAt = new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);
        await fixture.Events.PublishAsync(new CallMissed(Guid.NewGuid(), caller.Id, callee.Id, startedAt, startedAt.AddSeconds(30)));

        await Testing.Eventually.HoldsAsync(() => fixture.Smtp.To(callee.Email).Count == 2, TimeSpan.FromSeconds(20), () => "No missed-call email arrived.");
        var email = fixture.Smtp.To(callee.Email)[1];
        Assert.Equal("Mehmet Öz sizi aradı (cevapsız arama)", email.Subject);
        Assert.Contains($"Mehmet Öz (@{caller.Username})", email.TextBody);
        Assert.Contains("12:15", email.TextBody);
        Assert.Contains("Europe/Istanbul", email.TextBody);
        Assert.NotNull(email.Headers[HeaderId.ListUnsubscribe]);
    }

    [Fact]
    public async Task A_digest_says_who_wrote_and_how_many_and_later_ones_wait_their_hour()
    {
        var reader = await fixture.RegisterAsync("Can");
        var ali = await fixture.RegisterAsync("Ali");
        var zeynep = await fixture.RegisterAsync("Zeynep");
        var since = DateTimeOffset.UtcNow.AddMinutes(-30);

        await fixture.Events.PublishAsync(new UnreadMessagesWaiting(reader.Id,
        [
            new UnreadConversation(Guid.NewGuid(), null, 3, [ali.Id], since),
            new UnreadConversation(Guid.NewGuid(), "Family", 4, [ali.Id, zeynep.Id], since.AddMinutes(5)),
        ], DateTimeOffset.UtcNow));
        await Testing.Eventually.HoldsAsync(() => fixture.Smtp.To(reader.Email).Count == 2, TimeSpan.FromSeconds(20), () => "No digest arrived.");
        var digest = fixture.Smtp.To(reader.Email)[1];
        Assert.Equal("7 unread messages on ChatApp", digest.Subject);
        Assert.Contains("- Ali: 3 unread,", digest.TextBody);
        Assert.Contains("- Family: 4 unread from Ali, Zeynep,", digest.TextBody);

        // Within the hour, a newer picture waits for its slot; a newer one still replaces it.
        var second = await fixture.Events.PublishAsync(new UnreadMessagesWaiting(reader.Id,
            [new UnreadConversation(Guid.NewGuid(), null, 5, [zeynep.Id], since)], DateTimeOffset.UtcNow));
        await fixture.WaitUntilHandledAsync(second);
        var third = await fixture.Events.PublishAsync(new UnreadMessagesWaiting(reader.Id,
            [new UnreadConversation(Guid.NewGuid(), null, 6, [zeynep.Id], since)], DateTimeOffset.UtcNow));
        await fixture.WaitUntilHandledAsync(third);

        var rows = (await fixture.EmailsToAsync(reader.Email)).Where(row => row.Kind == "unread-digest").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("sent", rows[0].Status);
        Assert.Equal("pending", rows[1].Status);
        Assert.Equal("6 unread messages on ChatApp", rows[1].Subject);
        var gap = rows[1].DueAt - rows[0].FinishedAt!.Value;
        Assert.InRange(gap, TimeSpan.FromMinutes(59.9), TimeSpan.FromMinutes(60.1));
        Assert.Equal(2, fixture.Smtp.To(reader.Email).Count);
    }

    [Fact]
    public async Task Switched_off_emails_are_not_written_and_sign_in_codes_follow_the_chosen_language()
    {
        var caller = await fixture.RegisterAsync("Deniz");
        var callee = await fixture.RegisterAsync("Emre");
        using (var client = fixture.Client(callee.Id))
            (await client.PutAsJsonAsync("/preferences", new { missedCallEmails = false, unreadDigestEmails = false, language = "tr", timeZone = "UTC" })).EnsureSuccessStatusCode();

        var call = await fixture.Events.PublishAsync(new CallMissed(Guid.NewGuid(), caller.Id, callee.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        var digest = await fixture.Events.PublishAsync(new UnreadMessagesWaiting(callee.Id,
            [new UnreadConversation(Guid.NewGuid(), null, 1, [caller.Id], DateTimeOffset.UtcNow)], DateTimeOffset.UtcNow));
        await fixture.WaitUntilHandledAsync(call);
        await fixture.WaitUntilHandledAsync(digest);

        // Identity still says "en"; the preference set here wins.
        var now = DateTimeOffset.UtcNow;
        await fixture.Events.PublishAsync(SignInCodes.Requested(callee.Id, callee.Email, callee.DisplayName, "en", "111222", now.AddMinutes(10), "127.0.0.1", now));
        await Testing.Eventually.HoldsAsync(() => fixture.Smtp.To(callee.Email).Count == 2, TimeSpan.FromSeconds(20), () => "No sign-in code arrived.");

        var emails = fixture.Smtp.To(callee.Email);
        Assert.Equal("ChatApp giriş kodunuz: 111222", emails[1].Subject);
        Assert.Equal(["welcome", "sign-in-code"], (await fixture.EmailsToAsync(callee.Email)).Select(row => row.Kind));
    }
}
