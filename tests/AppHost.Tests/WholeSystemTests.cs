using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace ChatApp.AppHost.Tests;

/// <summary>The whole system started by the AppHost, reached the way a browser reaches it: through the gateway.</summary>
public sealed class WholeSystemTests(WholeSystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public void Every_server_service_and_the_gateway_runs_with_a_health_check_and_becomes_healthy()
    {
        output.WriteLine($"All {system.HealthyAfter.Count} resources healthy {system.TimeToHealthy.TotalSeconds:F1} s after the start:");
        foreach (var (name, elapsed) in system.HealthyAfter.OrderBy(entry => entry.Value))
            output.WriteLine($"  {elapsed.TotalSeconds,5:F1} s  {name}");

        Assert.Equal(
            ["calls", "epmd", "gateway", "identity", "mariadb", "messaging", "notifications", "rabbitmq-server", "redis-server", "smtp4dev", "turn"],
            system.Processes.Order());
        Assert.Equal(system.Processes.Order(), system.ProcessesWithHealthChecks.Order());
        Assert.Equal(
            ["calls-db", "identity-db", "messaging-db", "notifications-db", "rabbitmq", "redis"],
            system.HealthyAfter.Keys.Except(system.Processes).Order());
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("messaging")]
    [InlineData("calls")]
    [InlineData("notifications")]
    public async Task Each_service_answers_its_health_inside_the_system_but_not_through_the_gateway(string service)
    {
        using var inside = system.App.CreateHttpClient(service, "http");
        using var gateway = system.App.CreateHttpClient("gateway", "http");

        var health = await inside.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        foreach (var path in new[] { "health", "alive", "HEALTH", "/health", "./health", "%68ealth", "health/" })
        {
            var outside = await gateway.GetAsync(new Uri($"/api/{service}/{path}", UriKind.Relative));
            Assert.True(outside.StatusCode == HttpStatusCode.NotFound, $"/api/{service}/{path} answered {outside.StatusCode}");
        }
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("messaging")]
    [InlineData("calls")]
    [InlineData("notifications")]
    public async Task Each_service_publishes_its_openapi_document_only_where_switched_on(string service)
    {
        // Switched on for the services here, off at the gateway (WholeSystemFixture).
        using var inside = system.App.CreateHttpClient(service, "http");
        using var gateway = system.App.CreateHttpClient("gateway", "http");

        var document = await inside.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var throughGateway = await gateway.GetAsync(new Uri($"/api/{service}/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("\"openapi\"", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, throughGateway.StatusCode);
    }

    [Fact]
    public async Task Identity_registers_through_the_gateway_and_publishes_its_keys_there()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");
        var username = $"whole{Guid.NewGuid():N}"[..20];

        var registered = await gateway.PostAsJsonAsync(new Uri("/api/identity/accounts", UriKind.Relative),
            new { username, email = $"{username}@example.com", displayName = "Whole System", password = "correct horse battery staple" });
        var jwks = await gateway.GetFromJsonAsync<JsonElement>(new Uri("/api/identity/.well-known/jwks.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), key => key.GetProperty("alg").GetString() == "ES256");
    }

    [Fact]
    public async Task The_gateway_serves_the_web_app()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");

        var response = await gateway.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>ChatApp</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_path_answers_with_problem_details_through_the_gateway()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");

        var response = await gateway.GetAsync(new Uri("/api/identity/no-such-thing", UriKind.Relative));

        // Without a token a service says nothing about which paths exist (its fallback policy).
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_development_mail_inbox_shows_its_web_page_and_its_messages()
    {
        using var smtp4dev = system.App.CreateHttpClient("smtp4dev", "http");

        var page = await smtp4dev.GetAsync(new Uri("/", UriKind.Relative));
        var messages = await smtp4dev.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
    }
}
