using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>The OpenAPI document the web app's TypeScript client is generated from.</summary>
public sealed class OpenApiDocumentTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Every_operation_describes_its_successful_answer_and_its_failures()
    {
        using var http = new HttpClient { BaseAddress = fixture.Primary.Address };
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.NotEmpty(document.GetProperty("paths").EnumerateObject());
        var undescribed = OpenApiResponses.UndescribedSuccesses(document);
        Assert.True(undescribed.Count == 0, $"These operations have no 2xx response with a schema (or 204): {string.Join(", ", undescribed)}");
        // Every operation needs a signed-in caller, so none is infallible.
        var undocumented = OpenApiResponses.UndocumentedFailures(document);
        Assert.True(undocumented.Count == 0, $"These operations document no failure, or one without a schema: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_and_tagged()
    {
        using var http = new HttpClient { BaseAddress = fixture.Primary.Address };
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, operation =>
        {
            Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Name} has no operationId");
            Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} has no summary");
            Assert.True(operation.Value.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{operation.Name} has no tag");
        });
    }
}
