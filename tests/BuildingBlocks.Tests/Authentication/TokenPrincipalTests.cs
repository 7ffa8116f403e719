using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.BuildingBlocks.Tests.Authentication;

/// <summary>
/// A request authenticated by its access token keeps the token's claims and not the token: a hub
/// connection's request lives for hours, and the parsed token would live with it.
/// </summary>
public sealed class TokenPrincipalTests : IAsyncLifetime
{
    private TokenAuthenticatedService _service = null!;

    public async ValueTask InitializeAsync() =>
        _service = await TokenAuthenticatedService.StartAsync(app => app.MapGet("/me", async (HttpContext context) =>
        {
            var identity = Assert.IsType<CaseSensitiveClaimsIdentity>(Assert.Single(context.User.Identities));
            return new Seen(
                identity.SecurityToken is not null,
                await context.GetTokenAsync("access_token") is not null,
                identity.IsAuthenticated,
                identity.Name,
                context.User.GetUserId(),
                context.User.GetSessionId(),
                identity.FindFirst("SUB") is not null,
                identity.Claims.Select(claim => claim.Type).Order().ToArray());
        }));

    [Fact]
    public async Task The_principal_has_every_claim_of_the_token_and_not_the_token()
    {
        var (user, session) = (Guid.NewGuid(), Guid.NewGuid());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", _service.Tokens.Issue(user, "ann", session)) } };

        using var response = await _service.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var seen = await response.Content.ReadFromJsonAsync<Seen>(TestContext.Current.CancellationToken);

        Assert.NotNull(seen);
        Assert.False(seen.TokenKept);
        Assert.False(seen.TokenSaved);
        Assert.True(seen.Authenticated);
        Assert.Equal("ann", seen.Name);
        Assert.Equal(user, seen.UserId);
        Assert.Equal(session, seen.SessionId);
        // Claim types stay case-sensitive, as the token handler's identity has them.
        Assert.False(seen.FoundByOtherCase);
        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "nbf", "preferred_username", "sid", "sub"], seen.ClaimTypes);
    }

    public ValueTask DisposeAsync() => _service.DisposeAsync();

    private sealed record Seen(bool TokenKept, bool TokenSaved, bool Authenticated, string? Name, Guid UserId, Guid SessionId, bool FoundByOtherCase, string[] ClaimTypes);
}
