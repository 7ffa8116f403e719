using ChatApp.Testing;

namespace ChatApp.Identity.Tests.Api;

/// <summary>The OpenAPI document the web app's TypeScript client is generated from.</summary>
public sealed class OpenApiDocumentTests(IdentityFixture identity)
{
    [Fact]
    public async Task Every_operation_is_named_and_documents_its_answers_and_failures()
    {
        using var http = new HttpClient { BaseAddress = identity.IdentityAddress };

        // The discovery documents answer anyone, always.
        await OpenApiResponses.AssertCompleteAsync(http, "/api/identity", "GET /.well-known/openid-configuration", "GET /.well-known/jwks.json");
    }
}
