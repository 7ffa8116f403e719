extern alias gateway;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// The real gateway (YARP) in front of this Identity, on a real port: clients from two loopback
/// addresses (all of 127.0.0.0/8 is this machine's on Linux) get separate attempt counters, and
/// what a client writes in X-Forwarded-For changes nothing, unless the gateway was told that the
/// client is its load balancer. (The whole-system test in AppHost.Tests shows the AppHost runs the
/// gateway so that it sees these addresses; counters are tried here, where limits are the defaults.)
/// </summary>
public sealed class GatewayAddressTests(IdentityFixture identity)
{
    private const int RegistrationsPerAddress = 10;

    [Fact]
    public async Task Two_client_addresses_get_separate_buckets_and_a_spoofed_X_Forwarded_For_changes_neither()
    {
        await using var gateway = StartGateway();
        var first = LoopbackClients.RandomAddress();
        var second = LoopbackClients.RandomAddress();
        using var fromFirst = gateway.ClientFrom(first);
        using var fromSecond = gateway.ClientFrom(second);

        for (var i = 0; i < RegistrationsPerAddress; i++)
            Assert.Equal(HttpStatusCode.Created, await RegisterAsync(fromFirst));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(fromFirst));

        // Claiming another address does not give the first client a fresh counter…
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(fromFirst, forwardedFor: "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RegisterAsync(fromFirst, forwardedFor: $"198.51.100.1, {second}"));
        // …and claiming the first client's address does not put the second one in its counter.
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(fromSecond, forwardedFor: first.ToString()));
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(fromSecond));
    }

    [Fact]
    public async Task A_configured_load_balancer_passes_the_client_address_and_nobody_else_does()
    {
        var balancer = LoopbackClients.RandomAddress();
        await using var gateway = StartGateway(("ForwardedHeaders:KnownProxies", balancer.ToString()));
        using var throughBalancer = gateway.ClientFrom(balancer);
        using var direct = gateway.ClientFrom(LoopbackClients.RandomAddress());

        Assert.Equal("198.51.100.23", await SessionAddressAsync(throughBalancer, forwardedFor: "198.51.100.23"));
        Assert.Equal(direct.LocalAddress.ToString(), await SessionAddressAsync(direct, forwardedFor: "198.51.100.24"));
    }

    private static async Task<HttpStatusCode> RegisterAsync(GatewayClient client, string? forwardedFor = null)
    {
        var username = TestAccounts.UniqueName();
        using var response = await client.SendAsync(HttpMethod.Post, "/api/identity/accounts",
            new { username, email = $"{username}@example.com", displayName = "Through the gateway", password = TestAccounts.Password }, forwardedFor);
        return response.StatusCode;
    }

    /// <summary>Registers, signs in through the gateway, and answers the address Identity recorded for the session.</summary>
    private async Task<string> SessionAddressAsync(GatewayClient client, string forwardedFor)
    {
        var username = TestAccounts.UniqueName();
        using var registered = await client.SendAsync(HttpMethod.Post, "/api/identity/accounts",
            new { username, email = $"{username}@example.com", displayName = "Through the gateway", password = TestAccounts.Password }, forwardedFor);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var started = await client.SendAsync(HttpMethod.Post, "/api/identity/sign-in", new { login = username, password = TestAccounts.Password }, forwardedFor);
        var challengeId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();
        using var signedIn = await client.SendAsync(HttpMethod.Post, $"/api/identity/sign-in/{challengeId}/code", new { code = await identity.CodeForAsync(challengeId) }, forwardedFor);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

        using var sessions = await client.SendAsync(HttpMethod.Get, "/api/identity/sessions", null, forwardedFor, token);
        return (await sessions.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Single(session => session.GetProperty("isCurrent").GetBoolean()).GetProperty("clientAddress").GetString()!;
    }

    private RunningGateway StartGateway(params (string Key, string Value)[] settings)
    {
        var port = FreePort.Next();
        var factory = new WebApplicationFactory<gateway::Program>().WithWebHostBuilder(web =>
        {
            // Service discovery's configuration, as the AppHost hands it over.
            web.UseSetting("services:identity:http:0", identity.IdentityAddress.ToString());
            foreach (var (key, value) in settings)
                web.UseSetting(key, value);
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        return new RunningGateway(factory, port);
    }

    private sealed class RunningGateway(WebApplicationFactory<gateway::Program> factory, int port) : IAsyncDisposable
    {
        public GatewayClient ClientFrom(IPAddress local) => new(local, port);

        public ValueTask DisposeAsync() => factory.DisposeAsync();
    }

    /// <summary>A client whose connections to the gateway leave from <see cref="LocalAddress"/>.</summary>
    private sealed class GatewayClient(IPAddress local, int port) : IDisposable
    {
        private readonly HttpClient _http = LoopbackClients.From(local, new Uri($"http://127.0.0.1:{port}"));

        public IPAddress LocalAddress => local;

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? forwardedFor, string? token = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
                request.Content = JsonContent.Create(body);
            if (forwardedFor is not null)
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await _http.SendAsync(request);
        }

        public void Dispose() => _http.Dispose();
    }
}
