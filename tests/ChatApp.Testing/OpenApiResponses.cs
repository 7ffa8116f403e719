using System.Text.Json;

namespace ChatApp.Testing;

/// <summary>Reads a service's OpenAPI document for what a generated client needs: every answer's shape.</summary>
public static class OpenApiResponses
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>
    /// The operations (as "POST /path (OperationId)") with no 2xx response that either has a
    /// content schema or is 204 No Content, i.e. whose successful answer a client cannot type.
    /// </summary>
    public static IReadOnlyList<string> UndescribedSuccesses(JsonElement document)
    {
        var undescribed = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var responses = operation.Value.TryGetProperty("responses", out var found) ? found.EnumerateObject().ToList() : [];
                if (!responses.Any(response => response.Name.StartsWith('2') && (response.Name == "204" || HasSchema(response.Value))))
                {
                    var id = operation.Value.TryGetProperty("operationId", out var operationId) ? operationId.GetString() : "no operationId";
                    undescribed.Add($"{operation.Name.ToUpperInvariant()} {path.Name} ({id})");
                }
            }
        }

        return undescribed;
    }

    /// <summary>
    /// The operations (as "POST /path (OperationId)") that document no 4xx answer, or a 4xx answer
    /// with a body but no schema (401 and 403 come from the authentication middleware without
    /// one). <paramref name="infallible"/> lists the "METHOD /path" of operations that cannot fail,
    /// such as a public key set.
    /// </summary>
    public static IReadOnlyList<string> UndocumentedFailures(JsonElement document, params string[] infallible)
    {
        var undocumented = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (infallible.Contains(name, StringComparer.OrdinalIgnoreCase))
                    continue;
                var failures = operation.Value.TryGetProperty("responses", out var found)
                    ? found.EnumerateObject().Where(response => response.Name.StartsWith('4')).ToList()
                    : [];
                if (failures.Count == 0 || failures.Any(response => response.Name is not ("401" or "403") && !HasSchema(response.Value)))
                {
                    var id = operation.Value.TryGetProperty("operationId", out var operationId) ? operationId.GetString() : "no operationId";
                    undocumented.Add($"{name} ({id})");
                }
            }
        }

        return undocumented;
    }

    private static bool HasSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(media => media.Value.TryGetProperty("schema", out _));
}
