using System.Diagnostics;
using System.Text.Json;
using ChatApp.Testing;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// Sealing and opening one message in Chromium, with the app's own crypto module (bundled for the
/// test by esbuild from src/Web/tests/crypto-timing.ts), for groups of 2, 10 and 100: medians of 20.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CryptoTimingTests(WholeSystemFixture system) : BrowserTest(system)
{
    [Fact]
    [Trait("Category", "Measurement")]
    public async Task Sealing_grows_with_the_group_and_opening_does_not()
    {
        var web = Path.Combine(RepositoryRoot.Path, "src", "Web");
        var bundle = Path.Combine(RepositoryRoot.Path, "artifacts", "crypto-timing.js");
        using (var esbuild = Process.Start(new ProcessStartInfo(Path.Combine(web, "node_modules", ".bin", "esbuild"),
            ["tests/crypto-timing.ts", "--bundle", "--format=iife", "--target=es2022", $"--outfile={bundle}"]) { WorkingDirectory = web })!)
        {
            await esbuild.WaitForExitAsync();
            Assert.Equal(0, esbuild.ExitCode);
        }

        // The gateway's own page (a secure context for WebCrypto); the script is the test's, so the page's CSP is set aside.
        var page = await OpenAsync(bypassCsp: true);
        await page.AddScriptTagAsync(new() { Content = await File.ReadAllTextAsync(bundle) });
        var results = await page.EvaluateAsync<JsonElement>("() => window.cryptoTiming([2, 10, 100], 20)");
        var figures = results.EnumerateArray()
            .Select(result => (Size: result.GetProperty("size").GetInt32(), Seal: result.GetProperty("sealMs").GetDouble(), Open: result.GetProperty("openMs").GetDouble()))
            .ToList();
        var report = "Chromium, median of 20: " + string.Join("; ", figures.Select(f => $"{f.Size} members seal {f.Seal:F1} ms, open {f.Open:F1} ms"));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "crypto-timing.txt"), report + Environment.NewLine);
        Assert.True(figures[2].Seal < 1000 && figures.All(f => f.Open < 100), report);
    }
}
