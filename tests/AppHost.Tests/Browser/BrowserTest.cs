using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// What every browser test stands on: the whole system, its gateway and development inbox, and a
/// Chromium of its own for the test's people, closed after it.
/// </summary>
public abstract class BrowserTest(WholeSystemFixture system) : IAsyncLifetime
{
    private TestBrowser? _browser;

    protected WholeSystemFixture System { get; } = system;
    protected HttpClient Gateway { get; } = system.App.CreateHttpClient("gateway", "http");
    protected HttpClient Inbox { get; } = system.App.CreateHttpClient("smtp4dev", "http");

    public async ValueTask InitializeAsync() => _browser = await TestBrowser.LaunchAsync();

    /// <summary>A new device with ChatApp open.</summary>
    protected Task<IPage> OpenAsync(int width = 1280, string? storageState = null, bool bypassCsp = false) =>
        _browser!.OpenAsync(System.GatewayAddress, width, storageState: storageState, bypassCsp: bypassCsp);

    /// <summary>Someone registered through the API, signed in through the app on a new device.</summary>
    protected async Task<WebPerson> SignedInAsync(string displayName, int width = 1280) =>
        await WebPerson.SignedInAsync(await OpenAsync(width), Gateway, Inbox, displayName);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        Gateway.Dispose();
        Inbox.Dispose();
        GC.SuppressFinalize(this);
    }
}
