using ChatApp.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>One replica of the Messaging service on a real port of its own.</summary>
public sealed class MessagingReplica : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _service;

    private MessagingReplica(WebApplicationFactory<Program> service, Uri address)
    {
        _service = service;
        Address = address;
    }

    public Uri Address { get; }

    public Uri HubAddress => new(Address, "/hubs/chat");

    public IServiceProvider Services => _service.Services;

    public T Get<T>() where T : notnull => _service.Services.GetRequiredService<T>();

    public static MessagingReplica Start(IReadOnlyDictionary<string, string> settings, TestTokenIssuer tokens)
    {
        var port = FreePort.Next();
        var service = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
                web.UseSetting(key, value);
            web.ConfigureServices(tokens.TrustIn);
        });
        service.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        service.StartServer();
        return new MessagingReplica(service, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Until /health says the database, broker and Redis answer (migrations ran, consumers bound).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), () => $"The replica at {Address} did not become healthy.");
    }

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
