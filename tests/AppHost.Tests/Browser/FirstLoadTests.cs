using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// What opening ChatApp costs a returning person on a fresh browser profile (nothing cached):
/// the compressed bytes of the app's JavaScript and CSS, and the time from navigation to the
/// conversation list on screen, beside the time to the page's own DOMContentLoaded in the same loads.
/// </summary>
[Collection(Measurements.Name)]
public sealed class FirstLoadTests(WholeSystemFixture system) : BrowserTest(system)
{
    private const int Loads = 15;
    [Fact]
    [Trait("Category", "Measurement")]
    public async Task The_conversation_list_of_a_returning_person_shows_quickly_on_a_cold_browser()
    {
        var person = await SignedInAsync("Lena");
        var friends = new List<WebPerson>();
        for (var i = 0; i < 5; i++)
        {
            // Friends who have opened ChatApp somewhere: their encryption keys are in the directory.
            var (friendId, token, email) = await SystemUsers.SignedInWithEmailAsync(Gateway, Inbox, $"Friend {i}");
            using var keys = new EnvelopeWriter(friendId);
            await keys.PublishAsync(Gateway, token);
            friends.Add(new WebPerson(person.Page, Inbox, $"Friend {i}", email.Split('@')[0]));
        }
        foreach (var friend in friends)
        {
            await person.OpenChatWithAsync(friend);
            await person.SendAsync($"Hello {friend.DisplayName}");
            await person.ExpectTickAsync($"Hello {friend.DisplayName}", "Sent");
        }
        // The refresh cookie rotates on every use: each load continues from the state the last one left.
        var state = await person.Page.Context.StorageStateAsync();
        await person.Page.Context.CloseAsync();

        var shown = new List<double>();
        var domReady = new List<double>();
        JsonElement bytes = default;
        for (var load = 0; load < Loads; load++)
        {
            var page = await OpenAsync(storageState: state);
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Chats" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(5);
            var timing = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const navigation = performance.getEntriesByType('navigation')[0];
                  const files = performance.getEntriesByType('resource').filter(r => /\/assets\/.+\.(js|css)$/.test(r.name));
                  const sum = (kind, field) => files.filter(r => r.name.endsWith(kind)).reduce((total, r) => total + r[field], 0);
                  return {
                    shown: performance.getEntriesByName('chatapp:conversations-shown')[0].startTime,
                    domReady: navigation.domContentLoadedEventEnd,
                    jsCompressed: sum('.js', 'encodedBodySize'), jsRaw: sum('.js', 'decodedBodySize'),
                    cssCompressed: sum('.css', 'encodedBodySize'), cssRaw: sum('.css', 'decodedBodySize'),
                    html: navigation.encodedBodySize,
                  };
                }
                """);
            shown.Add(timing.GetProperty("shown").GetDouble());
            domReady.Add(timing.GetProperty("domReady").GetDouble());
            bytes = timing;
            state = await page.Context.StorageStateAsync();
            await page.Context.CloseAsync();
        }

        var report = string.Create(CultureInfo.InvariantCulture,
            $"First load, {Loads} cold loads: conversation list shown median {Figures.Median(shown):F0} ms (min {shown.Min():F0}, max {shown.Max():F0}); " +
            $"DOMContentLoaded median {Figures.Median(domReady):F0} ms; ratio {Figures.Median(shown) / Figures.Median(domReady):F1}. " +
            $"JavaScript {bytes.GetProperty("jsCompressed").GetInt32() / 1024.0:F1} KiB compressed ({bytes.GetProperty("jsRaw").GetInt32() / 1024.0:F1} KiB), " +
            $"CSS {bytes.GetProperty("cssCompressed").GetInt32() / 1024.0:F1} KiB compressed ({bytes.GetProperty("cssRaw").GetInt32() / 1024.0:F1} KiB), " +
            $"HTML {bytes.GetProperty("html").GetInt32()} B.");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);
        Assert.True(Figures.Median(shown) < 2_000, report);
        Assert.True(bytes.GetProperty("jsCompressed").GetInt32() < 100 * 1024, report);
    }
}
