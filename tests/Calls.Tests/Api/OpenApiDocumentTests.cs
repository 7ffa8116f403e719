using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

/// <summary>The OpenAPI document the web app's TypeScript client is generated from.</summary>
public sealed class OpenApiDocumentTests(CallsFixture fixture)
{
    [Fact]
    public async Task Every_operation_documents_its_answers_and_outcomes_are_named()
    {
        using var http = new HttpClient { BaseAddress = fixture.Primary.Address };

        // Every operation is for a signed-in person (401 otherwise); the history also refuses a bad page (400).
        var document = await OpenApiResponses.AssertCompleteAsync(http, "/api/calls");

        Assert.Equal(
            ["/current", "/history", "/ice-servers", "/missed", "/missed/seen"],
            document.GetProperty("paths").EnumerateObject().Select(path => path.Name).Order(StringComparer.Ordinal));
        var outcomes = document.GetProperty("components").GetProperty("schemas").GetProperty("CallOutcome").GetProperty("enum");
        Assert.Equal(["completed", "missed", "rejected", "cancelled", "busy", "failed"], outcomes.EnumerateArray().Select(value => value.GetString()));
    }
}
