using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>Messages written without a connection wait in IndexedDB, survive a reload, and arrive exactly once.</summary>
[Collection(BrowserTests.Name)]
public sealed class OfflineOutboxTests(WholeSystemFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task Two_messages_written_offline_are_delivered_once_each_when_the_connection_returns_even_after_a_reload()
    {
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob");
        await alice.OpenChatWithAsync(bob);
        await alice.SendAsync("Before the tunnel");
        await bob.OpenConversationAsync(alice.DisplayName);
        await alice.ExpectTickAsync("Before the tunnel", "Read");

        await alice.Page.Context.SetOfflineAsync(true);
        await Expect(alice.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Offline" })).ToBeVisibleAsync();
        await alice.SendAsync("In the tunnel, one");
        await alice.SendAsync("In the tunnel, two");
        await alice.ExpectTickAsync("In the tunnel, one", "Waiting to send");
        await alice.ExpectTickAsync("In the tunnel, two", "Waiting to send");
        await TestBrowser.ScreenshotAsync(alice.Page, "offline");

        // The page comes back but the hub stays out of reach: after a reload the two are still waiting.
        await alice.Page.Context.RouteAsync("**/hubs/chat/**", route => route.AbortAsync());
        await alice.Page.Context.SetOfflineAsync(false);
        await alice.Page.ReloadAsync();
        await alice.ExpectTickAsync("In the tunnel, one", "Waiting to send");
        await alice.ExpectTickAsync("In the tunnel, two", "Waiting to send");
        await Expect(bob.Message("In the tunnel, one")).ToHaveCountAsync(0);

        // The hub returns: each is sent once, in order, and read.
        await alice.Page.Context.UnrouteAllAsync();
        await alice.ExpectTickAsync("In the tunnel, two", "Read");
        await Expect(bob.Message("In the tunnel, one")).ToHaveCountAsync(1);
        await Expect(bob.Message("In the tunnel, two")).ToHaveCountAsync(1);
        await bob.Page.ReloadAsync();
        await Expect(bob.Page.GetByRole(AriaRole.Log).GetByRole(AriaRole.Article)).ToHaveCountAsync(3);
        var texts = await bob.Page.GetByRole(AriaRole.Log).Locator(".text").AllTextContentsAsync();
        Assert.Equal(["Before the tunnel", "In the tunnel, one", "In the tunnel, two"], texts);
    }
}
