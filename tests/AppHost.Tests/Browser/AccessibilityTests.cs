using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// Every main screen checked with axe-core at a desktop and a phone width (screenshots of each
/// written beside), and the everyday path done with the keyboard alone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests(WholeSystemFixture system) : BrowserTest(system)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Every_main_screen_has_no_serious_accessibility_violation(int width)
    {
        var page = await OpenAsync(width);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await CheckAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an account" }).ClickAsync();
        await CheckAsync(page, "register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var (username, _) = await SystemUsers.RegisterAsync(Gateway, "Farah");
        var farah = new WebPerson(page, Inbox, "Farah", username);
        await farah.StartSignInAsync();
        await CheckAsync(page, "second-factor");
        await farah.EnterEmailCodeAsync();
        var friend = await SignedInAsync("Gus");
        await CheckAsync(page, "home");

        await farah.OpenChatWithAsync(friend);
        await farah.SendAsync("Is this readable for everyone?");
        await friend.OpenConversationAsync("Farah");
        await friend.SendAsync("Yes, and by keyboard too.");
        await farah.ExpectTickAsync("Is this readable for everyone?", "Read");
        await CheckAsync(page, "chat");

        if (width < 600)
            await page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync(); // a phone shows one pane at a time
        await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where you're signed in" })).ToBeVisibleAsync();
        await CheckAsync(page, "settings");

        if (width < 600)
            await page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Chats" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New group" }).ClickAsync();
        await CheckAsync(page, "new-group");
    }

    [Fact]
    public async Task Signing_in_and_answering_a_message_works_with_the_keyboard_alone()
    {
        var (username, _) = await SystemUsers.RegisterAsync(Gateway, "Hana");
        var sender = await SignedInAsync("Ivo");
        var page = await OpenAsync();
        var hana = new WebPerson(page, Inbox, "Hana", username);

        // The first field has focus when the page opens.
        await Expect(page.GetByLabel("Username or email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(username);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(SystemUsers.Password);
        await page.Keyboard.PressAsync("Enter");
        var email = await SystemUsers.WaitForEmailAsync(Inbox, hana.Email, subject => subject.Any(char.IsDigit));
        await Expect(page.GetByLabel("Code", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(SystemUsers.CodeIn(email.Subject));
        await page.Keyboard.PressAsync("Enter");
        await hana.ExpectSignedInAsync();
        // Written once Hana's browser has published her encryption keys, as it does when she first signs in.
        await sender.OpenChatWithAsync(hana);
        await sender.SendAsync("Ping from Ivo");

        var conversation = page.GetByRole(AriaRole.List, new() { Name = "Chats" }).GetByRole(AriaRole.Link).First;
        await TabUntilFocusedAsync(page, conversation);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message to" })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Pong from Hana");
        await page.Keyboard.PressAsync("Enter");
        await Expect(sender.Message("Pong from Hana")).ToBeVisibleAsync();
        await sender.ExpectTickAsync("Ping from Ivo", "Read");
    }

    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("Tab never reached the conversation.");
    }

    private static async Task CheckAsync(IPage page, string screen)
    {
        await TestBrowser.ScreenshotAsync(page, screen);
        await Accessibility.AssertNoSeriousViolationsAsync(page, screen);
    }
}
