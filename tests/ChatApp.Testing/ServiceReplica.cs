using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Testing;

/// <summary>One replica of a real service (<typeparamref name="TEntryPoint"/> is its Program) on a real port of its own.</summary>
public class ServiceReplica<TEntryPoint> : IAsyncDisposable
    where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> _service;

    protected ServiceReplica(IReadOnlyDictionary<string, string> settings, TestTokenIssuer tokens)
    {
        var port = FreePort.Next();
        _service = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
                web.UseSetting(key, value);
            web.ConfigureServices(tokens.TrustIn);
        });
        _service.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        _service.StartServer();
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public IServiceProvider Services => _service.Services;

    public T Get<T>() where T : notnull => _service.Services.GetRequiredService<T>();

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

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
