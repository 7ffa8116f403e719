using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ChatApp.Testing;

/// <summary>Reads a service's OpenAPI document for what a generated client needs: every answer's shape.</summary>
public static class OpenApiResponses
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>
    /// Fetches the service's document and asserts what a generated client and a reader need:
    /// the gateway's path as its server, and every operation named, summarised, tagged, with a
    /// typed success and its failures documented (but <paramref name="infallible"/>, as
    /// "METHOD /path"). Returns the document for the service's own checks.
    /// </summary>
    public static async Task<JsonElement> AssertCompleteAsync(HttpClient service, string gatewayPrefix, params string[] infallible)
    {
        var document = await service.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.NotEmpty(document.GetProperty("paths").EnumerateObject());
        Assert.Equal(gatewayPrefix, document.GetProperty("servers")[0].GetProperty("url").GetString());
        var undescribed = UndescribedSuccesses(document);
        Assert.True(undescribed.Count == 0, $"These operations have no 2xx response with a schema (or 204): {string.Join(", ", undescribed)}");
        var undocumented = UndocumentedFailures(document, infallible);
        Assert.True(undocumented.Count == 0, $"These operations document no failure, or one without a schema: {string.Join(", ", undocumented)}");
        var unnamed = Operations(document)
            .Where(o => !o.Operation.TryGetProperty("operationId", out _)
                || !(o.Operation.TryGetProperty("summary", out var summary) && summary.GetString() is { Length: > 0 })
                || !(o.Operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0))
            .Select(o => o.Name)
            .ToList();
        Assert.True(unnamed.Count == 0, $"These operations lack an operationId, a summary or a tag: {string.Join(", ", unnamed)}");
        return document;
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(operation => Methods.Contains(operation.Name))
            .Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)));

    /// <summary>
    /// The operations (as "POST /path (OperationId)") with no 2xx response that either has a
    /// content schema or is 204 No Content, i.e. whose successful answer a client cannot type.
    /// </summary>
    public static IReadOnlyList<string> UndescribedSuccesses(JsonElement document) =>
        Operations(document)
            .Where(o => !Responses(o.Operation).Any(response => response.Name.StartsWith('2') && (response.Name == "204" || HasSchema(response.Value))))
            .Select(Describe)
            .ToList();

    /// <summary>
    /// The operations (as "POST /path (OperationId)") that document no 4xx answer, or a 4xx answer
    /// with a body but no schema (401 and 403 come from the authentication middleware without
    /// one). <paramref name="infallible"/> lists the "METHOD /path" of operations that cannot fail,
    /// such as a public key set.
    /// </summary>
    public static IReadOnlyList<string> UndocumentedFailures(JsonElement document, params string[] infallible) =>
        Operations(document)
            .Where(o => !infallible.Contains(o.Name, StringComparer.OrdinalIgnoreCase))
            .Where(o => Responses(o.Operation).Where(response => response.Name.StartsWith('4')).ToList() is var failures
                && (failures.Count == 0 || failures.Any(response => response.Name is not ("401" or "403") && !HasSchema(response.Value))))
            .Select(Describe)
            .ToList();

    private static List<JsonProperty> Responses(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses) ? [.. responses.EnumerateObject()] : [];

    private static string Describe((string Name, JsonElement Operation) o) =>
        $"{o.Name} ({(o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : "no operationId")})";

    private static bool HasSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(media => media.Value.TryGetProperty("schema", out _));
}
