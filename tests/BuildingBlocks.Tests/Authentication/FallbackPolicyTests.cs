using System.Net;
using System.Net.Http.Headers;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatApp.BuildingBlocks.Tests.Authentication;

/// <summary>
/// A service with token authentication is closed by default: an endpoint that says nothing about
/// authorisation needs a valid token, and only one marked AllowAnonymous answers without one.
/// </summary>
public sealed class FallbackPolicyTests : IAsyncLifetime
{
    private readonly TestTokenIssuer _tokens = new();
    private WebApplication? _service;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddTokenAuthentication();
        _tokens.TrustIn(builder.Services);
        _service = builder.Build();
        _service.UseAuthentication();
        _service.UseAuthorization();
        _service.MapGet("/forgotten", () => "anyone?");
        _service.MapGet("/open", () => "anyone").AllowAnonymous();
        await _service.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_service.Urls.First()) };
    }

    [Fact]
    public async Task An_endpoint_that_says_nothing_needs_a_valid_token()
    {
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/forgotten") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", new TestTokenIssuer().Issue(Guid.NewGuid(), "mallory")) } };
        using var valid = new HttpRequestMessage(HttpMethod.Get, "/forgotten") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Issue(Guid.NewGuid(), "ann")) } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync(new Uri("/forgotten", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(forged, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(valid, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Only_an_endpoint_marked_anonymous_answers_without_a_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri("/open", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(["GET /open"], await AnonymousEndpoints.OfAsync(_service!.Services));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_service is not null)
            await _service.DisposeAsync();
        _tokens.Dispose();
    }
}
