using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatApp.Testing;

/// <summary>
/// Walks every operation of a running service's OpenAPI document and sends it bad input: bodies
/// that are not JSON, fields missing, null, of the wrong type, huge or strange; nasty path and
/// query values; no token; a wrong content type. Bad input must get a 4xx, never a 5xx, and an
/// answer in time: <see cref="FindServerErrorsAsync"/> lists every request that got a 5xx or none.
/// The document is fetched from the service itself, so a new operation is walked the day it appears.
/// </summary>
public static class BadInputWalker
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    /// <summary>Path and query values, unescaped: the walker escapes them as a client would.</summary>
    private static readonly string[] NastyValues =
    [
        "", "-1", "0", "9223372036854775808", "-9223372036854775809", "1e400", "NaN", "../../etc/passwd", "\0",
        new string('a', 5000), "not-a-guid", "00000000-0000-0000-0000-000000000000", "ü😀\u202E\uFEFF", "' OR '1'='1",
        "%", "null", "[]", "{}", " ",
    ];

    private static readonly string[] MalformedBodies =
    [
        "", "{", "}", "{\"a\":", "null", "[]", "\"text\"", "0", "true", "{}", "{\"\":{}}",
        new string('[', 5000) + new string(']', 5000), "{\"x\":1e400}", "\uFEFF{}",
    ];

    /// <summary>Headers the services read: a broken token, a client address, the refresh cookie.</summary>
    private static readonly (string Header, string Value)[] NastyHeaders =
    [
        ("Authorization", "Bearer not.a.token"), ("Authorization", "Bearer " + new string('a', 6000)), ("Authorization", "Basic Og=="),
        ("X-Forwarded-For", "not-an-address"), ("X-Forwarded-For", "999.1.1.1, ::ffff:zz, , "), ("X-Forwarded-For", "::1%eth0"),
        ("Cookie", "chatapp_refresh=not-a-token"), ("Cookie", "chatapp_refresh=" + new string('%', 3000)), ("Cookie", "chatapp_refresh="),
    ];

    /// <summary>What each field of a well-formed body is replaced with, one at a time (raw JSON).</summary>
    private static readonly string[] NastyFieldValues =
    [
        "null", "\"text\"", "\"\"", "12345", "-1", "0", "1.5", "9223372036854775808", "-9223372036854775809",
        "1e308", "true", "[]", "[null]", "{}", "\"not-a-guid\"", "\"00000000-0000-0000-0000-000000000000\"",
        "\"ü😀\\u202E\\u0000\"", JsonSerializer.Serialize(new string('x', 20_000)), "[\"not-a-guid\", 1, null]",
    ];

    /// <param name="service">The service's own address (it serves <c>/openapi/v1.json</c>).</param>
    /// <param name="accessToken">A valid token, so that bodies of authenticated operations reach validation.</param>
    /// <param name="knownValues">Path and query values of things that exist (a conversation of the token's user, say), by
    /// parameter name, so that probes get past "not found" to the code behind; other parameters get a sample.</param>
    /// <returns>The walk: how many requests were sent, and those answered with a 5xx or not in time.</returns>
    public static async Task<Walk> FindServerErrorsAsync(
        Uri service, string accessToken, IReadOnlyDictionary<string, string>? knownValues, CancellationToken cancellationToken)
    {
        // No cookie container: the probes set the Cookie header themselves.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = service, Timeout = Timeout.InfiniteTimeSpan };
        var document = JsonNode.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), cancellationToken))!;
        var schemas = new Schemas(document["components"]?["schemas"]?.AsObject(), knownValues ?? new Dictionary<string, string>());

        var probes = Operations(document)
            // Ending sessions last: the token stays good for the others, so their bodies reach validation.
            .OrderBy(operation => operation.Method == HttpMethod.Delete || operation.Path.Contains("sign-out", StringComparison.Ordinal))
            .SelectMany(operation => ProbesOf(operation, schemas))
            .ToList();

        var failures = new List<string>();
        foreach (var probe in probes)
        {
            if (await SendAsync(http, probe, accessToken, cancellationToken) is { } failure)
                failures.Add(failure);
        }

        return new Walk(probes.Select(probe => probe.Operation).Distinct().Count(), probes.Count, failures);
    }

    private static async Task<string?> SendAsync(HttpClient http, Probe probe, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(probe.Operation.Method, new Uri(probe.Target, UriKind.Relative)) { Content = probe.Body?.Invoke() };
        if (probe.WithToken)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (probe.Header is { } header)
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            return (int)response.StatusCode >= 500
                ? $"{probe.Operation} [{probe.Variant}] {Shorten(probe.Target)} → {(int)response.StatusCode}"
                : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{probe.Operation} [{probe.Variant}] {Shorten(probe.Target)} → no answer within {RequestTimeout.TotalSeconds} s";
        }
    }

    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(entry => Methods.Contains(entry.Key)))
            {
                var parameters = operation!["parameters"]?.AsArray().Select(parameter => parameter!).ToList() ?? [];
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                yield return new Operation(new HttpMethod(method.ToUpperInvariant()), path, parameters, body);
            }
        }
    }

    private static IEnumerable<Probe> ProbesOf(Operation operation, Schemas schemas)
    {
        var pathParameters = operation.Parameters.Where(p => (string?)p["in"] == "path").ToList();
        var queryParameters = operation.Parameters.Where(p => (string?)p["in"] == "query").ToList();
        var samplePath = Path(operation.Path, pathParameters, schemas, null, null);
        var sampleBody = operation.Body is null ? null : schemas.Sample(operation.Body, 0)?.ToJsonString();
        Func<HttpContent>? Json(string json) => () => new StringContent(json, Encoding.UTF8, "application/json");
        var wellFormed = sampleBody is null ? null : Json(sampleBody);

        yield return new Probe(operation, "well-formed", samplePath, wellFormed, WithToken: true);
        yield return new Probe(operation, "no token", samplePath, wellFormed, WithToken: false);
        foreach (var (header, value) in NastyHeaders)
            yield return new Probe(operation, $"{header}: {Shorten(value)}", samplePath, wellFormed, WithToken: header != "Authorization", (header, value));

        foreach (var parameter in pathParameters)
        {
            foreach (var value in NastyValues)
                yield return new Probe(operation, $"path {parameter["name"]}={Shorten(value)}", Path(operation.Path, pathParameters, schemas, (string)parameter["name"]!, value), wellFormed, true);
        }

        foreach (var parameter in queryParameters)
        {
            foreach (var value in NastyValues)
            {
                var query = $"?{Uri.EscapeDataString((string)parameter["name"]!)}={Uri.EscapeDataString(value)}";
                yield return new Probe(operation, $"query {parameter["name"]}={Shorten(value)}", samplePath + query, wellFormed, true);
            }

            yield return new Probe(operation, $"query {parameter["name"]} twice", $"{samplePath}?{parameter["name"]}=1&{parameter["name"]}=2", wellFormed, true);
        }

        if (operation.Body is null)
            yield break;

        foreach (var body in MalformedBodies)
            yield return new Probe(operation, $"body {Shorten(body)}", samplePath, Json(body), true);
        yield return new Probe(operation, "body not UTF-8", samplePath, () => new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, true);
        yield return new Probe(operation, "text/plain", samplePath, () => new StringContent(sampleBody!, Encoding.UTF8, "text/plain"), true);
        yield return new Probe(operation, "application/xml", samplePath, () => new StringContent("<a/>", Encoding.UTF8, "application/xml"), true);
        yield return new Probe(operation, "no content type", samplePath, () => new ByteArrayContent(Encoding.UTF8.GetBytes(sampleBody!)), true);
        yield return new Probe(operation, "form", samplePath, () => new FormUrlEncodedContent([new("a", "b")]), true);

        var sample = JsonNode.Parse(sampleBody!)!;
        foreach (var place in Places(sample, []))
        {
            var name = string.Join('.', place);
            yield return new Probe(operation, $"without {name}", samplePath, Json(Spoil(sample, place, remove: true, null)), true);
            foreach (var value in NastyFieldValues)
                yield return new Probe(operation, $"{name}={Shorten(value)}", samplePath, Json(Spoil(sample, place, remove: false, value)), true);
        }
    }

    /// <summary>Every field and array item of a sample body, at any depth, as the steps that reach it (names and indexes).</summary>
    private static IEnumerable<object[]> Places(JsonNode node, object[] at)
    {
        var children = node switch
        {
            JsonObject fields => fields.Select(field => ((object)field.Key, field.Value)).ToList(),
            JsonArray items => items.Select((item, index) => ((object)index, item)).ToList(),
            _ => [],
        };
        foreach (var (step, child) in children)
        {
            object[] place = [.. at, step];
            yield return place;
            if (child is not null)
            {
                foreach (var deeper in Places(child, place))
                    yield return deeper;
            }
        }
    }

    /// <summary>The sample with the value at <paramref name="place"/> removed or replaced by <paramref name="json"/> (kept as written: 1e400 stays 1e400).</summary>
    private static string Spoil(JsonNode sample, object[] place, bool remove, string? json)
    {
        var copy = sample.DeepClone();
        var parent = place[..^1].Aggregate(copy, (node, step) => step is string name ? node[name]! : node[(int)step]!);
        var value = remove ? null : JsonNode.Parse(json!);
        switch (parent, place[^1])
        {
            case (JsonObject fields, string name) when remove:
                fields.Remove(name);
                break;
            case (JsonObject fields, string name):
                fields[name] = value;
                break;
            case (JsonArray items, int index) when remove:
                items.RemoveAt(index);
                break;
            case (JsonArray items, int index):
                items[index] = value;
                break;
        }

        return copy.ToJsonString();
    }

    /// <summary>The operation's path with every parameter filled in well, except <paramref name="nasty"/>, which gets <paramref name="value"/>.</summary>
    private static string Path(string template, List<JsonNode> parameters, Schemas schemas, string? nasty, string? value)
    {
        var path = template;
        foreach (var parameter in parameters)
        {
            var name = (string)parameter["name"]!;
            var filled = name == nasty ? value! : schemas.Known(name) ?? SampleText(schemas.Sample(parameter["schema"], 0));
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(filled), StringComparison.Ordinal);
        }

        return path;
    }

    private static string SampleText(JsonNode? sample) => sample is JsonValue value && value.TryGetValue<string>(out var text)
        ? text
        : sample?.ToJsonString() ?? "1";

    private static string Shorten(string text) =>
        text.Length > 60 ? string.Create(CultureInfo.InvariantCulture, $"{text[..40]}…({text.Length} chars)") : text.Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>The operations seen, the requests sent, and those answered with a 5xx or not in time.</summary>
    public sealed record Walk(int Operations, int Requests, IReadOnlyList<string> Failures);

    private sealed record Operation(HttpMethod Method, string Path, List<JsonNode> Parameters, JsonNode? Body)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private sealed record Probe(Operation Operation, string Variant, string Target, Func<HttpContent>? Body, bool WithToken, (string Name, string Value)? Header = null);

    /// <summary>Well-formed sample values for the document's schemas: the starting point that each probe spoils in one place.</summary>
    private sealed class Schemas(JsonObject? components, IReadOnlyDictionary<string, string> knownValues)
    {
        private const int MaxDepth = 5;

        public string? Known(string parameter) => knownValues.GetValueOrDefault(parameter);

        public JsonNode? Sample(JsonNode? schema, int depth)
        {
            if (schema is null || depth > MaxDepth)
                return null;
            if ((string?)schema["$ref"] is { } reference)
                return Sample(components?[reference.Split('/')[^1]], depth + 1);
            if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray alternatives)
                return alternatives.Select(alternative => Sample(alternative, depth + 1)).FirstOrDefault(sample => sample is not null);
            if (schema["enum"] is JsonArray values)
                return values.FirstOrDefault(value => value is not null)?.DeepClone();

            return Type(schema) switch
            {
                "object" => new JsonObject(schema["properties"]?.AsObject()
                    .Select(property => KeyValuePair.Create(property.Key, Sample(property.Value, depth + 1))) ?? []),
                "array" => Sample(schema["items"], depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
                "integer" or "number" => 1,
                "boolean" => true,
                "string" => (string?)schema["format"] switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date-time" => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                    "byte" => Convert.ToBase64String("sample"u8),
                    _ => "sample",
                },
                _ => schema["properties"] is not null ? Sample(new JsonObject { ["type"] = "object", ["properties"] = schema["properties"]!.DeepClone() }, depth) : null,
            };
        }

        /// <summary>The type, ignoring "null" in OpenAPI 3.1's type lists (["null", "string"]).</summary>
        private static string? Type(JsonNode schema) => schema["type"] switch
        {
            JsonArray types => types.Select(type => (string?)type).FirstOrDefault(type => type != "null"),
            JsonValue type => (string?)type,
            _ => null,
        };
    }
}
