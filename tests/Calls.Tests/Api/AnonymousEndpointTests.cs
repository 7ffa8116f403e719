using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

/// <summary>
/// Every endpoint needs a token unless it is on this list. A new endpoint that anyone may call
/// fails this test until it is added here, on purpose, in review.
/// </summary>
public sealed class AnonymousEndpointTests(CallsFixture fixture)
{
    private static readonly string[] AllowedAnonymous =
    [
        "* /alive",
        "* /health",
        "GET /openapi/{documentName}.json",
    ];

    [Fact]
    public async Task Only_the_listed_endpoints_answer_without_a_token()
    {
        Assert.Equal(AllowedAnonymous, await AnonymousEndpoints.OfAsync(fixture.Primary.Services));
    }
}
