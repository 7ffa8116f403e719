using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using ChatApp.Testing;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// The web app's REST types are generated from the copies of the services' OpenAPI documents in
/// src/Web/api. Each copy must be what the service publishes (with the gateway's paths), so an API
/// change shows up in review and the app's types follow it.
/// </summary>
public sealed class ApiDocumentTests(WholeSystemFixture system)
{
    [Theory]
    [InlineData("identity")]
    [InlineData("messaging")]
    [InlineData("calls")]
    [InlineData("notifications")]
    public async Task The_web_apps_copy_of_each_API_document_is_what_the_service_publishes(string service)
    {
        // From the service itself: the gateway does not forward the documents (WholeSystemTests).
        using var http = system.App.CreateHttpClient(service, "http");
        var published = JsonNode.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var copyPath = Path.Combine(RepositoryRoot.Path, "src", "Web", "api", $"{service}.json");
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(copyPath));

        if (!JsonNode.DeepEquals(published, copy))
        {
            var fresh = Path.Combine(RepositoryRoot.Path, "artifacts", "api", $"{service}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
            await File.WriteAllTextAsync(fresh, published!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Assert.Fail($"The {service} API changed. Review {fresh} and copy it to {copyPath}; the web app's types are generated from it.");
        }
    }
}
