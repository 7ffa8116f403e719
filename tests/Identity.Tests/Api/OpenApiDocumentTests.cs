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
        var document = await DocumentAsync();

        Assert.NotEmpty(document.GetProperty("paths").EnumerateObject());
        var undescribed = OpenApiResponses.UndescribedSuccesses(document);
        Assert.True(undescribed.Count == 0, $"These operations have no 2xx response with a schema (or 204): {string.Join(", ", undescribed)}");
    }

    [Fact]
    public async Task Every_operation_that_can_fail_documents_its_failures()
    {
        var document = await DocumentAsync();

        // The discovery documents answer anyone, always.
        var undocumented = OpenApiResponses.UndocumentedFailures(document, "GET /.well-known/openid-configuration", "GET /.well-known/jwks.json");
        Assert.True(undocumented.Count == 0, $"These operations document no failure, or one without a schema: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_and_a_tag()
    {
        var document = await DocumentAsync();

        var incomplete = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", Operation: operation.Value)))
            .Where(o => !o.Operation.TryGetProperty("operationId", out _) || !o.Operation.TryGetProperty("summary", out _)
                || !o.Operation.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
            .Select(o => o.Name)
            .ToList();
        Assert.True(incomplete.Count == 0, $"These operations lack an operationId, a summary or a tag: {string.Join(", ", incomplete)}");
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var http = new HttpClient { BaseAddress = identity.IdentityAddress };
        return await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
    }
}
