using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

/// <summary>The OpenAPI document the web app's TypeScript client is generated from.</summary>
public sealed class OpenApiDocumentTests(CallsFixture fixture)
{
    [Fact]
    public async Task Every_operation_describes_its_answers_and_outcomes_are_named()
    {
        using var http = new HttpClient { BaseAddress = fixture.Primary.Address };
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(
            ["/current", "/history", "/ice-servers", "/missed", "/missed/seen"],
            document.GetProperty("paths").EnumerateObject().Select(path => path.Name).Order(StringComparer.Ordinal));
        var undescribed = OpenApiResponses.UndescribedSuccesses(document);
        Assert.True(undescribed.Count == 0, $"These operations have no 2xx response with a schema (or 204): {string.Join(", ", undescribed)}");
        // Every operation is for a signed-in person (401 otherwise); the history also refuses a bad page (400).
        var undocumented = OpenApiResponses.UndocumentedFailures(document);
        Assert.True(undocumented.Count == 0, $"These operations document no failure (or one without a schema): {string.Join(", ", undocumented)}");
        Assert.Equal("/api/calls", document.GetProperty("servers")[0].GetProperty("url").GetString());
        var outcomes = document.GetProperty("components").GetProperty("schemas").GetProperty("CallOutcome").GetProperty("enum");
        Assert.Equal(["completed", "missed", "rejected", "cancelled", "busy", "failed"], outcomes.EnumerateArray().Select(value => value.GetString()));
    }
}
