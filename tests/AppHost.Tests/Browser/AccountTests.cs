using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>What a person does with their account in the app: an authenticator app, another language, signing out everywhere.</summary>
[Collection(BrowserTests.Name)]
public sealed class AccountTests(WholeSystemFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task An_authenticator_app_set_up_in_settings_signs_the_person_in_next_time()
    {
        var dana = await SignedInAsync("Dana");
        await dana.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        await dana.Page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(dana.Page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        var totp = new Totp(Base32Encoding.ToBytes(await dana.Page.GetByTestId("authenticator-secret").TextContentAsync()));
        await TestBrowser.ScreenshotAsync(dana.Page, "authenticator");
        var enrolledAt = DateTime.UtcNow;
        var section = dana.Page.GetByRole(AriaRole.Region, new() { Name = "Two-step sign-in" });
        await section.GetByLabel("Code", new() { Exact = true }).FillAsync(totp.ComputeTotp(enrolledAt));
        await section.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(section.Locator(".codes li")).ToHaveCountAsync(10);
        await Expect(section.GetByLabel("Ask me for")).ToHaveValueAsync("Authenticator");

        await dana.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await Expect(dana.Page.GetByText("You have signed out.")).ToBeVisibleAsync();
        await dana.StartSignInAsync();
        await Expect(dana.Page.GetByRole(AriaRole.Button, new() { Name = "Authenticator app" })).ToHaveAttributeAsync("aria-pressed", "true");

        // A code is good once: wait for the app's next code rather than replaying the one just used.
        while (TimeStep(DateTime.UtcNow) == TimeStep(enrolledAt))
            await Task.Delay(250);
        await dana.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await dana.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await dana.ExpectSignedInAsync();
    }

    [Fact]
    public async Task A_passkey_added_in_settings_signs_the_person_in_without_a_code()
    {
        var page = await OpenAsync();
        // Chromium's virtual authenticator stands in for a fingerprint reader (user verification included).
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        var (username, _) = await SystemUsers.RegisterAsync(Gateway, "Kira");
        var kira = new WebPerson(page, Inbox, "Kira", username);
        await kira.SignInAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var passkeys = page.GetByRole(AriaRole.Region, new() { Name = "Passkeys" });
        await passkeys.GetByLabel("Name for this passkey").FillAsync("Laptop fingerprint");
        await passkeys.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(passkeys.GetByText("Laptop fingerprint")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await kira.StartSignInAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Passkey", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await kira.ExpectSignedInAsync();
    }

    [Fact]
    public async Task Signing_out_everywhere_from_settings_ends_the_session_in_the_other_browser()
    {
        var laptop = await SignedInAsync("Jonas");
        var phone = laptop.OnAnotherDevice(await OpenAsync(width: 375));
        await phone.SignInAsync();

        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var sessions = laptop.Page.GetByRole(AriaRole.Region, new() { Name = "Where you're signed in" });
        await Expect(sessions.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await TestBrowser.ScreenshotAsync(laptop.Page, "settings");
        laptop.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await sessions.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();

        await Expect(laptop.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(phone.Page.GetByText("Your session has ended. Please sign in again.")).ToBeVisibleAsync();
        await TestBrowser.ScreenshotAsync(phone.Page, "session-ended");

        // A reload does not bring the session back.
        await phone.Page.ReloadAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_second_tab_shares_the_session_and_signing_out_in_one_signs_out_both()
    {
        var olga = await SignedInAsync("Olga");
        // Same browser, another tab: signed in by the refresh cookie, no password or code.
        var secondTab = await olga.Page.Context.NewPageAsync();
        await secondTab.GotoAsync("/");
        var inSecondTab = new WebPerson(secondTab, Inbox, olga.DisplayName, olga.Username);
        await inSecondTab.ExpectSignedInAsync();
        // Both keep working after each has refreshed (the cookie rotates; Web Locks keep the tabs from presenting it twice).
        await Task.WhenAll(olga.Page.ReloadAsync(), secondTab.ReloadAsync());
        await olga.ExpectSignedInAsync();
        await inSecondTab.ExpectSignedInAsync();

        await olga.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        await olga.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await Expect(secondTab.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(secondTab.GetByText("You were signed out in another tab.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_whole_app_speaks_Turkish_once_chosen()
    {
        var page = await OpenAsync(width: 375);
        await page.GetByLabel("Language").SelectOptionAsync("tr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Giriş yap" })).ToBeVisibleAsync();
        Assert.Equal("tr", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await TestBrowser.ScreenshotAsync(page, "sign-in-tr");

        var (username, _) = await SystemUsers.RegisterAsync(Gateway, "Elif");
        await page.GetByLabel("Kullanıcı adı veya e-posta").FillAsync(username);
        await page.GetByLabel("Parola").FillAsync(SystemUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Devam et" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Siz olduğunuzu doğrulayın" })).ToBeVisibleAsync();
        var email = await SystemUsers.WaitForEmailAsync(Inbox, $"{username}@example.com", subject => subject.Any(char.IsDigit));
        await page.GetByLabel("Kod", new() { Exact = true }).FillAsync(SystemUsers.CodeIn(email.Subject));
        await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();

        await Expect(page.GetByText("Elif olarak giriş yapıldı")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Sohbetler" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yeni grup" })).ToBeVisibleAsync();
        await TestBrowser.ScreenshotAsync(page, "home-tr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ayarlar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oturum açtığınız yerler" })).ToBeVisibleAsync();
        // The screen as a person reads it: profile and sessions loaded, not the moment before.
        await Expect(page.GetByLabel("Adınız")).ToHaveValueAsync("Elif");
        await Expect(page.GetByText("bu cihaz", new() { Exact = true })).ToBeVisibleAsync();
        await TestBrowser.ScreenshotAsync(page, "settings-tr");

        // The choice is remembered on this device.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ayarlar" })).ToBeVisibleAsync();
    }

    private static long TimeStep(DateTime at) => (long)(at - DateTime.UnixEpoch).TotalSeconds / 30;
}
