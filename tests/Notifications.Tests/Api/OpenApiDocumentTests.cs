using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Notifications.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Notifications.Tests.Api;

/// <summary>The OpenAPI document the web app's TypeScript client is generated from.</summary>
public sealed class OpenApiDocumentTests(NotificationsFixture fixture)
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
    public async Task Every_operation_documents_how_it_fails()
    {
        var document = await DocumentAsync();

        // Every operation here can fail: the preferences need a signed-in user known to the
        // service, and an unsubscribe link must be one we signed.
        var undocumented = OpenApiResponses.UndocumentedFailures(document);
        Assert.True(undocumented.Count == 0, $"These operations document no failure (or one without a schema): {string.Join(", ", undocumented)}");
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_and_tagged()
    {
        var document = await DocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)))
            .ToList();
        Assert.Equal(
            ["GetPreferences", "ShowUnsubscribePage", "Unsubscribe", "UpdatePreferences"],
            operations.Select(operation => operation.Value.GetProperty("operationId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(operations, operation =>
        {
            Assert.True(operation.Value.TryGetProperty("summary", out var summary) && summary.GetString() is { Length: > 0 }, $"{operation.Name} has no summary");
            Assert.True(operation.Value.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{operation.Name} has no tag");
        });
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var http = fixture.Client();
        return await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
    }
}
