using ChatApp.Testing;
using Microsoft.Playwright;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download), headless, with a fake
/// microphone and camera. Each person gets a context of their own: separate cookies,
/// storage and IndexedDB, like separate devices.
/// </summary>
public sealed class TestBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly string ScreenshotDirectory = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private TestBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<TestBrowser> LaunchAsync()
    {
        // Pushes cross the gateway, a service, the broker or Redis: give them longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                // WebRTC on loopback: gather 127.0.0.1 candidates, and announce none by multicast DNS.
                "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns",
            ],
        });
        return new TestBrowser(playwright, browser);
    }

    /// <summary>A new device opening ChatApp at <paramref name="gateway"/>: 1280 px wide, or 375 px like a phone.</summary>
    public async Task<IPage> OpenAsync(Uri gateway, int width = 1280, string locale = "en-US", string? storageState = null, bool bypassCsp = false)
    {
        var context = await _browser.NewContextAsync(new()
        {
            BypassCSP = bypassCsp,
            BaseURL = gateway.ToString(),
            ViewportSize = new() { Width = width, Height = width < 600 ? 780 : 820 },
            Locale = locale,
            TimezoneId = "Europe/Istanbul",
            IsMobile = width < 600,
            HasTouch = width < 600,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(20_000);
        await context.GrantPermissionsAsync(["notifications"]);
        await context.AddInitScriptAsync(PeerConnections.Script);
        var page = await context.NewPageAsync();
        var device = Interlocked.Increment(ref _devices);
        page.Console += (_, message) => Log($"device {device} console.{message.Type}: {message.Text}");
        page.PageError += (_, error) => Log($"device {device} page error: {error}");
        await page.GotoAsync("/");
        return page;
    }

    private static int _devices;
    private static readonly Lock LogLock = new();

    /// <summary>What the pages wrote to their consoles, for a failure in CI to be understood afterwards.</summary>
    public static readonly string ConsoleLog = Path.Combine(RepositoryRoot.Path, "artifacts", "browser-console.log");

    private static void Log(string line)
    {
        lock (LogLock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ConsoleLog)!);
            File.AppendAllText(ConsoleLog, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }

    /// <summary>Saves what the page shows now as <c>artifacts/screenshots/{name}-{width}.png</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}-{page.ViewportSize!.Width}.png") });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
