using System.Net;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.ServiceDefaults;
using ChatApp.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.BuildingBlocks.Tests.ServiceHost;

/// <summary>
/// A service built the way every ChatApp service is (service defaults, database, event bus) is
/// ready only while its database and broker answer, and answers errors as problem details.
/// </summary>
public sealed class ServiceReadinessTests(MariaDbFixture database)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Health_follows_the_broker_down_and_back_up_while_alive_stays_up()
    {
        await using var broker = await RabbitMqServer.StartAsync();
        await using var app = await StartServiceAsync(await database.CreateDatabaseAsync(), broker.ConnectionString);
        using var http = new HttpClient { BaseAddress = BaseAddress(app) };

        await WaitForStatusAsync(http, "/health", HttpStatusCode.OK);

        await broker.StopAsync();
        await WaitForStatusAsync(http, "/health", HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);

        await broker.StartAgainAsync();
        await WaitForStatusAsync(http, "/health", HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_route_answers_with_problem_details()
    {
        await using var broker = await RabbitMqServer.StartAsync();
        await using var app = await StartServiceAsync(await database.CreateDatabaseAsync(), broker.ConnectionString);
        using var http = new HttpClient { BaseAddress = BaseAddress(app) };

        var response = await http.GetAsync(new Uri("/no/such/thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartServiceAsync(string databaseConnectionString, string brokerUri)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ConnectionStrings:test-db"] = databaseConnectionString;
        builder.Configuration["ConnectionStrings:rabbitmq"] = brokerUri;
        builder.AddServiceDefaults();
        builder.AddServiceDatabase("test-db");
        builder.AddEventBus($"test-{Guid.NewGuid():N}"[..16]);

        var app = builder.Build();
        app.UseProblemDetailsForErrors();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return app;
    }

    private static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    private static Task WaitForStatusAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        HttpStatusCode? last = null;
        return Eventually.HoldsAsync(
            async () => (last = (await http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode) == expected,
            Patience, () => $"{path} still answered {last}, not {expected}");
    }
}
