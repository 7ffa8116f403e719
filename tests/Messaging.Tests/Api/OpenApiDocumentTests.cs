using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>The OpenAPI document the web app's TypeScript client is generated from.</summary>
public sealed class OpenApiDocumentTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Every_operation_is_named_and_documents_its_answers_and_failures()
    {
        using var http = new HttpClient { BaseAddress = fixture.Primary.Address };

        // Every operation needs a signed-in caller, so none is infallible.
        await OpenApiResponses.AssertCompleteAsync(http, "/api/messaging");
    }
}
