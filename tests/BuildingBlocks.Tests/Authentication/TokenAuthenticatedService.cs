using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.BuildingBlocks.Tests.Authentication;

/// <summary>A small service with the services' token authentication, trusting <see cref="Tokens"/>, on a free port.</summary>
public sealed class TokenAuthenticatedService : IAsyncDisposable
{
    private readonly WebApplication _service;

    private TokenAuthenticatedService(WebApplication service, TestTokenIssuer tokens)
    {
        _service = service;
        Tokens = tokens;
        Http = new HttpClient { BaseAddress = new Uri(service.Urls.First()) };
    }

    public TestTokenIssuer Tokens { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _service.Services;

    /// <summary>Starts it with the endpoints <paramref name="map"/> adds.</summary>
    public static async Task<TokenAuthenticatedService> StartAsync(Action<WebApplication> map)
    {
        var tokens = new TestTokenIssuer();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddTokenAuthentication();
        tokens.TrustIn(builder.Services);
        var service = builder.Build();
        service.UseAuthentication();
        service.UseAuthorization();
        map(service);
        await service.StartAsync();
        return new TokenAuthenticatedService(service, tokens);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _service.DisposeAsync();
        Tokens.Dispose();
    }
}
