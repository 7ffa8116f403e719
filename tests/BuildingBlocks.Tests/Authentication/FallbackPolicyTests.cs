using System.Net;
using System.Net.Http.Headers;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Testing;
using Microsoft.AspNetCore.Builder;

namespace ChatApp.BuildingBlocks.Tests.Authentication;

/// <summary>
/// A service with token authentication is closed by default: an endpoint that says nothing about
/// authorisation needs a valid token, and only one marked AllowAnonymous answers without one.
/// </summary>
public sealed class FallbackPolicyTests : IAsyncLifetime
{
    private TokenAuthenticatedService _service = null!;

    public async ValueTask InitializeAsync() =>
        _service = await TokenAuthenticatedService.StartAsync(app =>
        {
            app.MapGet("/forgotten", () => "anyone?");
            app.MapGet("/open", () => "anyone").AllowAnonymous();
        });

    [Fact]
    public async Task An_endpoint_that_says_nothing_needs_a_valid_token()
    {
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/forgotten") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", new TestTokenIssuer().Issue(Guid.NewGuid(), "mallory")) } };
        using var valid = new HttpRequestMessage(HttpMethod.Get, "/forgotten") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", _service.Tokens.Issue(Guid.NewGuid(), "ann")) } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await _service.Http.GetAsync(new Uri("/forgotten", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _service.Http.SendAsync(forged, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _service.Http.SendAsync(valid, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Only_an_endpoint_marked_anonymous_answers_without_a_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await _service.Http.GetAsync(new Uri("/open", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(["GET /open"], await AnonymousEndpoints.OfAsync(_service.Services));
    }

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
