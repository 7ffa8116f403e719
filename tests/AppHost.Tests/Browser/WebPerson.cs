using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// Somebody using the web app in a browser page, doing what a person does: registering,
/// signing in with the code from their inbox, finding people, chatting. Every step goes
/// through labels and roles, as a screen reader would.
/// </summary>
public sealed partial class WebPerson(IPage page, HttpClient inbox, string displayName, string? username = null, WebPerson.Codes? codes = null)
{
    /// <summary>How many sign-in codes a person has used, shared by all their devices (the next one is the next email).</summary>
    public sealed class Codes
    {
        public int Used { get; set; }
    }

    private readonly Codes _codes = codes ?? new Codes();

    public IPage Page { get; } = page;
    public string DisplayName { get; } = displayName;
    public string Username { get; } = username ?? $"{displayName.ToLowerInvariant()}{Guid.NewGuid():N}"[..20];
    public string Email => $"{Username}@example.com";

    /// <summary>Another device of the same person (a second browser context), not yet signed in.</summary>
    public WebPerson OnAnotherDevice(IPage other) => new(other, inbox, DisplayName, Username, _codes);

    /// <summary>Someone registered through the API (the registration screen is not what the test is about), signed in through the app.</summary>
    public static async Task<WebPerson> SignedInAsync(IPage page, HttpClient gateway, HttpClient inbox, string displayName)
    {
        var (username, _) = await SystemUsers.RegisterAsync(gateway, displayName);
        var person = new WebPerson(page, inbox, displayName, username);
        await person.SignInAsync();
        return person;
    }

    public async Task RegisterAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create an account" }).ClickAsync();
        await Page.GetByLabel("Your name").FillAsync(DisplayName);
        await Page.GetByLabel("Username", new() { Exact = true }).FillAsync(Username);
        await Page.GetByLabel("Email").FillAsync(Email);
        await Page.GetByLabel("Password").FillAsync(SystemUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account is ready");
    }

    /// <summary>Password, then the emailed code read from the development inbox.</summary>
    public async Task SignInAsync()
    {
        await StartSignInAsync();
        await EnterEmailCodeAsync();
    }

    public async Task StartSignInAsync()
    {
        try
        {
            await Page.GetByLabel("Username or email").FillAsync(Username);
        }
        catch (TimeoutException)
        {
            // Seen once in CI: a page that never showed the sign-in form. Keep what it showed, for the next time.
            await TestBrowser.ScreenshotAsync(Page, $"no-sign-in-form-{Username}");
            await File.WriteAllTextAsync(Path.Combine(TestBrowser.ScreenshotDirectory, $"no-sign-in-form-{Username}.html"), await Page.ContentAsync());
            throw;
        }
        await Page.GetByLabel("Password").FillAsync(SystemUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it's you" })).ToBeVisibleAsync();
    }

    public async Task EnterEmailCodeAsync()
    {
        var email = await SystemUsers.WaitForEmailAsync(inbox, Email, subject => SixDigits().IsMatch(subject), skip: _codes.Used++);
        await Page.GetByLabel("Code", new() { Exact = true }).FillAsync(SystemUsers.CodeIn(email.Subject));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ExpectSignedInAsync();
    }

    public Task ExpectSignedInAsync() => Expect(Page.GetByText($"Signed in as {DisplayName}")).ToBeVisibleAsync();

    /// <summary>Finds someone under People by name and opens the chat with them.</summary>
    public async Task OpenChatWithAsync(WebPerson other)
    {
        await Page.GetByRole(AriaRole.Tab, new() { Name = "People" }).ClickAsync();
        await Page.GetByLabel("Find people").FillAsync(other.Username);
        await Page.GetByRole(AriaRole.List, new() { Name = "People found" }).GetByRole(AriaRole.Button).Filter(new() { HasText = other.Username }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = other.DisplayName, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Opens a conversation from the Chats list by its title.</summary>
    public async Task OpenConversationAsync(string title)
    {
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Chats" }).ClickAsync();
        await Page.GetByRole(AriaRole.List, new() { Name = "Chats" }).GetByRole(AriaRole.Link).Filter(new() { HasText = title }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true })).ToBeVisibleAsync();
    }

    public async Task SendAsync(string text)
    {
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "Message to" }).FillAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The bubble of a message with exactly this text.</summary>
    public ILocator Message(string text) =>
        Page.GetByRole(AriaRole.Log).GetByRole(AriaRole.Article).Filter(new() { Has = Page.Locator(".text", new() { HasTextRegex = new Regex($"^{Regex.Escape(text)}$") }) });

    /// <summary>The tick of one of my messages, by its accessible name (Sent, Delivered, Read, Waiting to send).</summary>
    public Task ExpectTickAsync(string text, string tick) =>
        Expect(Message(text).GetByRole(AriaRole.Img)).ToHaveAccessibleNameAsync(tick);

    public async Task MessageActionAsync(string text, string action)
    {
        await Message(text).GetByRole(AriaRole.Button, new() { Name = "Message actions" }).ClickAsync();
        await Message(text).GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
