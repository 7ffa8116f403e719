using System.Net;
using Aspire.Hosting.Testing;

namespace ChatApp.AppHost.Tests;

/// <summary>How the gateway serves the web app: security headers, caching by file kind, compression, client-side routes.</summary>
public sealed class GatewayHeadersTests(WholeSystemFixture system)
{
    [Fact]
    public async Task The_app_page_is_revalidated_and_locked_down_by_its_headers()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");
        var page = await gateway.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        var csp = Header(page, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(page, "Referrer-Policy"));
        Assert.Contains("microphone=(self)", Header(page, "Permissions-Policy"), StringComparison.Ordinal);
        // Served over plain HTTP here: HSTS would be meaningless (and is sent only over HTTPS).
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_sent_compressed()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");
        var html = await gateway.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("br");
        var asset = await gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal("br", Assert.Single(asset.Content.Headers.ContentEncoding));
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);

        var plain = await gateway.GetAsync(new Uri(script, UriKind.Relative));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var compressed = (await asset.Content.ReadAsByteArrayAsync()).Length;
        var uncompressed = (await plain.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(compressed < uncompressed / 3, $"{compressed} bytes compressed of {uncompressed}");
    }

    [Fact]
    public async Task A_client_side_route_is_the_app_page_but_an_unknown_API_path_is_not()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");
        var route = await gateway.GetAsync(new Uri("/settings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.Contains("<div id=\"app\">", await route.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync(new Uri("/api/nothing-here", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync(new Uri("/assets/missing.js", UriKind.Relative))).StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
