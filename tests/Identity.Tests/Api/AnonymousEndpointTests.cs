using ChatApp.Testing;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// Every endpoint needs a token unless it is on this list. A new endpoint that anyone may call
/// fails this test until it is added here, on purpose, in review.
/// </summary>
public sealed class AnonymousEndpointTests(IdentityFixture identity)
{
    private static readonly string[] AllowedAnonymous =
    [
        "* /alive",
        "* /health",
        "GET /.well-known/jwks.json",
        "GET /.well-known/openid-configuration",
        "GET /openapi/{documentName}.json",
        "POST /accounts",
        "POST /sign-in/",
        "POST /sign-in/{challengeId:guid}/code",
        "POST /sign-in/{challengeId:guid}/passkey",
        "POST /sign-in/{challengeId:guid}/passkey/options",
        "POST /sign-in/{challengeId:guid}/resend",
        "POST /tokens/refresh",
    ];

    [Fact]
    public async Task Only_the_listed_endpoints_answer_without_a_token()
    {
        Assert.Equal(AllowedAnonymous, await AnonymousEndpoints.OfAsync(identity.IdentityServices));
    }
}
