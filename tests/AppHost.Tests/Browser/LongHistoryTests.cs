using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// A conversation of 2,000 messages: opened at its end, read back to its first message by
/// scrolling up (a page of 50 at a time), with every message there once and in order, and the
/// frames the browser drew meanwhile measured.
/// </summary>
[Collection(Measurements.Name)]
public sealed class LongHistoryTests(WholeSystemFixture system) : BrowserTest(system)
{
    private const int Messages = 2_000;
    [Fact]
    [Trait("Category", "Measurement")]
    public async Task Scrolling_back_through_two_thousand_messages_loads_each_once_in_order()
    {
        var reader = await SignedInAsync("Mira");
        var (nourId, token) = await SystemUsers.SignedInAsync(Gateway, Inbox, "Nour");
        // Nour writes end-to-end encrypted envelopes from .NET, as the app would (Mira's browser published her keys on sign-in).
        using var envelopes = new EnvelopeWriter(nourId);
        await envelopes.PublishAsync(Gateway, token);
        var miraId = await UserIdOfAsync(reader.Username, token);
        var members = await envelopes.MembersAsync(Gateway, token, miraId);
        var binding = EnvelopeWriter.DirectBinding(nourId, miraId);
        object Message(int n)
        {
            var clientMessageId = Guid.NewGuid();
            return new { clientMessageId, body = envelopes.Seal($"Message {n}", binding, clientMessageId, members) };
        }
        await using (var writer = await SystemUsers.ConnectToChatAsync(System.GatewayAddress, token))
        {
            var first = await writer.InvokeAsync<JsonElement>("SendDirectMessage", miraId, Message(1));
            var conversationId = first.GetProperty("conversationId").GetGuid();
            for (var n = 2; n <= Messages; n++)
                await writer.InvokeAsync<JsonElement>("SendMessage", conversationId, Message(n));
        }

        await reader.OpenConversationAsync("Nour");
        var articles = reader.Page.GetByRole(AriaRole.Log).GetByRole(AriaRole.Article);
        await Expect(reader.Message($"Message {Messages}")).ToBeVisibleAsync();
        await reader.Page.EvaluateAsync("""
            () => {
              window.frames_ = [];
              let last = performance.now();
              const tick = (now) => { window.frames_.push(now - last); last = now; if (!window.stopFrames_) requestAnimationFrame(tick); };
              requestAnimationFrame(tick);
            }
            """);
        var clock = Stopwatch.StartNew();
        var count = await articles.CountAsync();
        while (count < Messages)
        {
            await reader.Page.GetByRole(AriaRole.Log).EvaluateAsync("log => { log.scrollTop = 0; }");
            await Expect(articles).Not.ToHaveCountAsync(count);
            count = await articles.CountAsync();
        }
        var loadedAll = clock.Elapsed;
        var frames = (await reader.Page.EvaluateAsync<double[]>("() => { window.stopFrames_ = true; return window.frames_; }")).Skip(1).Order().ToList();

        var texts = await reader.Page.GetByRole(AriaRole.Log).Locator(".text").AllTextContentsAsync();
        Assert.Equal(Enumerable.Range(1, Messages).Select(n => $"Message {n}"), texts);
        // Each page kept the reader's place; at the very top now sits the first message.
        await reader.Page.GetByRole(AriaRole.Log).EvaluateAsync("log => { log.scrollTop = 0; }");
        await Expect(reader.Message("Message 1")).ToBeInViewportAsync();

        var report = string.Create(CultureInfo.InvariantCulture,
            $"Long history: {Messages} messages read back in {loadedAll.TotalSeconds:F1} s ({Messages / 50} pages); " +
            $"{frames.Count} frames, median {Figures.Percentile(frames, 0.5):F1} ms, p95 {Figures.Percentile(frames, 0.95):F1} ms, " +
            $"longest {frames[^1]:F0} ms, {frames.Count(f => f > 50)} over 50 ms.");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);
        Assert.True(Figures.Percentile(frames, 0.95) < 100, report);
    }

    /// <summary>Someone's id, from the people directory (as the app finds people).</summary>
    private async Task<Guid> UserIdOfAsync(string username, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/identity/users?search={username}");
        request.Headers.Authorization = new("Bearer", token);
        var people = await (await Gateway.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return people.EnumerateArray().Single(person => person.GetProperty("username").GetString() == username).GetProperty("id").GetGuid();
    }

}
