using System.Text.Json;
using ChatApp.Testing;
using Microsoft.Playwright;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>axe-core, run inside the page as it is now: the serious and critical violations of WCAG 2.x A and AA.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Web", "node_modules", "axe-core", "axe.min.js")));

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
        await page.EvaluateAsync(AxeSource.Value);
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')})`);
            }
            """);
        var violations = result.EnumerateArray().Select(item => item.GetString()!).ToList();
        Assert.True(violations.Count == 0, $"{screen} at {page.ViewportSize!.Width} px:\n{string.Join('\n', violations)}");
    }
}
