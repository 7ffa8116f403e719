using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Testing;

namespace ChatApp.Identity.Tests.Api;

/// <summary>The OpenAPI document the web app's TypeScript client is generated from.</summary>
public sealed class OpenApiDocumentTests(IdentityFixture identity)
{
    [Fact]
    public async Task Every_operation_describes_its_successful_answer()
    {
        using var http = new HttpClient { BaseAddress = identity.IdentityAddress };
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.NotEmpty(document.GetProperty("paths").EnumerateObject());
        var undescribed = OpenApiResponses.UndescribedSuccesses(document);
        Assert.True(undescribed.Count == 0, $"These operations have no 2xx response with a schema (or 204): {string.Join(", ", undescribed)}");
    }
}
