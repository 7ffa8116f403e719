using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Domain;
using ChatApp.Notifications.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ChatApp.Notifications.Tests.Api;

/// <summary>The preferences API (signed-in) and the one-click unsubscribe links in emails (not signed-in, signed instead).</summary>
public sealed class PreferencesApiTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Preferences_need_a_token_and_a_known_user()
    {
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/preferences")).StatusCode);

        using var stranger = fixture.Client(Guid.NewGuid());
        var response = await stranger.GetAsync("/preferences");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_new_user_starts_with_every_email_in_their_language_and_can_change_them()
    {
        var user = await fixture.RegisterAsync("Prefs", language: "tr");
        using var client = fixture.Client(user.Id);

        Assert.Equal(new NotificationPreferences(true, true, "tr", "UTC"), await client.GetFromJsonAsync<NotificationPreferences>("/preferences"));

        var changed = new NotificationPreferences(false, true, "en", "Europe/Istanbul");
        var put = await client.PutAsJsonAsync("/preferences", changed);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(changed, await put.Content.ReadFromJsonAsync<NotificationPreferences>());
        Assert.Equal(changed, await client.GetFromJsonAsync<NotificationPreferences>("/preferences"));
    }

    [Fact]
    public async Task Invalid_preferences_get_a_problem_per_field_and_change_nothing()
    {
        var user = await fixture.RegisterAsync("Invalid");
        using var client = fixture.Client(user.Id);

        var response = await client.PutAsJsonAsync("/preferences", new { language = "klingon", timeZone = "Mars/Olympus_Mons" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["language", "missedCallEmails", "timeZone", "unreadDigestEmails"], errors.EnumerateObject().Select(e => e.Name).Order());

        var empty = await client.PutAsync("/preferences", JsonContent.Create<object?>(null));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(NotificationPreferences.Defaults("en"), await client.GetFromJsonAsync<NotificationPreferences>("/preferences"));
    }

    [Fact]
    public async Task The_missed_call_link_shows_a_page_and_a_one_click_post_switches_off_only_missed_calls()
    {
        var caller = await fixture.RegisterAsync("Caller");
        var callee = await fixture.RegisterAsync("Callee");
        await fixture.Events.PublishAsync(new CallMissed(Guid.NewGuid(), caller.Id, callee.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        await Testing.Eventually.HoldsAsync(() => fixture.Smtp.To(callee.Email).Count == 2, TimeSpan.FromSeconds(20), () => "No missed-call email.");
        var link = UnsubscribeLink(fixture.Smtp.To(callee.Email)[1]);
        using var anonymous = fixture.Client();

        // Opening the link (as a person, or a link scanner) changes nothing.
        var page = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Stop getting missed-call emails?", html);
        Assert.Contains("<form method=\"post\"", html);
        Assert.True((await PreferencesOf(callee)).MissedCallEmails);

        // RFC 8058: the mail client posts List-Unsubscribe=One-Click to the same address.
        var post = await anonymous.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(new NotificationPreferences(false, true, "en", "UTC"), await PreferencesOf(callee));

        // And the next missed call is not mailed.
        var next = await fixture.Events.PublishAsync(new CallMissed(Guid.NewGuid(), caller.Id, callee.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        await fixture.WaitUntilHandledAsync(next);
        Assert.Equal(2, (await fixture.EmailsToAsync(callee.Email)).Count);
    }

    [Fact]
    public async Task The_welcome_link_switches_off_everything_but_sign_in_codes()
    {
        var user = await fixture.RegisterAsync("Quiet");
        using var anonymous = fixture.Client();

        var post = await anonymous.PostAsync(UnsubscribeLink(fixture.Smtp.To(user.Email)[0]), null);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(new NotificationPreferences(false, false, "en", "UTC"), await PreferencesOf(user));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_or_broken_link_is_refused(string token)
    {
        using var anonymous = fixture.Client();
        var response = await anonymous.PostAsync($"/unsubscribe?token={Uri.EscapeDataString(token)}", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("token", out _));
    }

    [Fact]
    public async Task A_link_for_one_user_cannot_be_turned_into_one_for_another()
    {
        var victim = await fixture.RegisterAsync("Victim");
        var attacker = await fixture.RegisterAsync("Attacker");
        var token = UnsubscribeLink(fixture.Smtp.To(attacker.Email)[0]).Split("token=")[1];
        var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token);
        victim.Id.TryWriteBytes(bytes.AsSpan(0, 16), bigEndian: true, out _);
        using var anonymous = fixture.Client();

        var response = await anonymous.PostAsync($"/unsubscribe?token={Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes)}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(NotificationPreferences.Defaults("en"), await PreferencesOf(victim));
    }

    [Fact]
    public async Task A_valid_link_for_an_unknown_user_is_not_found()
    {
        var links = fixture.Services.GetRequiredService<IUnsubscribeLinks>();
        var link = await links.CreateAsync(Guid.NewGuid(), EmailList.All, CancellationToken.None);
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(PathOf(link), null)).StatusCode);
    }

    private async Task<NotificationPreferences> PreferencesOf(TestUser user)
    {
        using var client = fixture.Client(user.Id);
        return (await client.GetFromJsonAsync<NotificationPreferences>("/preferences"))!;
    }

    /// <summary>The link from the email's List-Unsubscribe header, as a path on the service (the gateway strips /api/notifications).</summary>
    private static string UnsubscribeLink(MimeMessage email) => PathOf(email.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>'));

    private static string PathOf(string link) => new Uri(link).PathAndQuery.Replace("/api/notifications", "", StringComparison.Ordinal);
}
