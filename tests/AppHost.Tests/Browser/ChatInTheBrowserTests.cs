using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>Two people meet in the web app: sign-up, sign-in by emailed code, presence, ticks, typing, reply, edit, delete, reload.</summary>
[Collection(BrowserTests.Name)]
public sealed class ChatInTheBrowserTests(WholeSystemFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task Two_people_sign_up_sign_in_see_each_other_online_and_watch_their_ticks_turn()
    {
        var alice = new WebPerson(await OpenAsync(), Inbox, "Alice");
        var bob = new WebPerson(await OpenAsync(width: 375), Inbox, "Bob");
        await TestBrowser.ScreenshotAsync(alice.Page, "sign-in");
        await TestBrowser.ScreenshotAsync(bob.Page, "sign-in");
        await alice.RegisterAsync();
        await bob.RegisterAsync();
        await alice.StartSignInAsync();
        await TestBrowser.ScreenshotAsync(alice.Page, "second-factor");
        await alice.EnterEmailCodeAsync();
        await bob.SignInAsync();

        // Each sees the other online.
        await alice.Page.GetByRole(AriaRole.Tab, new() { Name = "People" }).ClickAsync();
        await Expect(alice.Page.GetByRole(AriaRole.List, new() { Name = "Online now" }).GetByText(bob.DisplayName)).ToBeVisibleAsync();
        await TestBrowser.ScreenshotAsync(alice.Page, "people");

        // Bob drops off: Alice's first message is stored (✓) but cannot reach him.
        await bob.Page.Context.SetOfflineAsync(true);
        await alice.OpenChatWithAsync(bob);
        await alice.SendAsync("Hello Bob!");
        await alice.ExpectTickAsync("Hello Bob!", "Sent");

        // He comes back: his device receives it (✓✓), and he has not opened it yet.
        await bob.Page.Context.SetOfflineAsync(false);
        await alice.ExpectTickAsync("Hello Bob!", "Delivered");
        await Expect(alice.Page.GetByRole(AriaRole.Heading, new() { Name = bob.DisplayName }).Locator("xpath=following-sibling::p")).ToHaveTextAsync("online");
        await Expect(bob.Page.GetByRole(AriaRole.List, new() { Name = "Chats" }).GetByText("1", new() { Exact = true })).ToBeVisibleAsync();
        Assert.StartsWith("(1)", await bob.Page.TitleAsync(), StringComparison.Ordinal);
        await TestBrowser.ScreenshotAsync(bob.Page, "conversations");

        // He opens the chat: read.
        await bob.OpenConversationAsync(alice.DisplayName);
        await Expect(bob.Message("Hello Bob!")).ToBeVisibleAsync();
        await alice.ExpectTickAsync("Hello Bob!", "Read");
        await Expect(bob.Page).ToHaveTitleAsync("ChatApp");

        // Typing shows on the other side.
        await bob.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message to" }).PressSequentiallyAsync("Hi Al", new() { Delay = 30 });
        await Expect(alice.Page.GetByText("Bob typing…")).ToBeVisibleAsync();
        await bob.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message to" }).FillAsync("");

        // Reply, edit, delete.
        await bob.MessageActionAsync("Hello Bob!", "Reply");
        await bob.SendAsync("Hi Alice, good to see you");
        await Expect(alice.Message("Hi Alice, good to see you").Locator("blockquote")).ToContainTextAsync("Hello Bob!");
        await alice.SendAsync("Lunch at noon?");
        await alice.ExpectTickAsync("Lunch at noon?", "Read");
        await alice.MessageActionAsync("Lunch at noon?", "Edit");
        var composer = alice.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message to" });
        await Expect(composer).ToHaveValueAsync("Lunch at noon?");
        await composer.FillAsync("Lunch at one?");
        await alice.Page.Keyboard.PressAsync("Enter");
        await Expect(bob.Message("Lunch at one?")).ToContainTextAsync("edited");
        await alice.SendAsync("Oops, wrong chat");
        await Expect(bob.Message("Oops, wrong chat")).ToBeVisibleAsync();
        alice.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await alice.MessageActionAsync("Oops, wrong chat", "Delete");
        await Expect(bob.Message("This message was deleted")).ToBeVisibleAsync();
        await Expect(bob.Page.GetByText("Oops, wrong chat")).ToHaveCountAsync(0);
        await TestBrowser.ScreenshotAsync(alice.Page, "chat");
        await TestBrowser.ScreenshotAsync(bob.Page, "chat");

        // A reload keeps the session and the conversation.
        await bob.Page.ReloadAsync();
        await Expect(bob.Message("Hello Bob!")).ToBeVisibleAsync();
        await Expect(bob.Message("Lunch at one?")).ToBeVisibleAsync();
        await Expect(bob.Message("This message was deleted")).ToBeVisibleAsync();
    }
}
