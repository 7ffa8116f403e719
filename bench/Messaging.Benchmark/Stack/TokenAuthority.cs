using System.Net;
using ChatApp.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Messaging.Benchmark.Stack;

/// <summary>
/// Stands in for Identity's token endpoints: an OpenID discovery document and a JWKS with one
/// ES256 key, from which the services validate the simulated users' tokens exactly as they
/// validate Identity's. Signing a thousand users in through Identity would cost a thousand
/// 600,000-iteration password hashes and emailed codes, and measure Identity instead of Messaging.
/// </summary>
public sealed class TokenAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TokenAuthority(WebApplication app, string issuer, TestTokenIssuer tokens)
    {
        _app = app;
        Issuer = issuer;
        Tokens = tokens;
    }

    public string Issuer { get; }

    public TestTokenIssuer Tokens { get; }

    public static async Task<TokenAuthority> StartAsync()
    {
        var port = FreePort.Next();
        var issuer = $"http://127.0.0.1:{port}";
        var tokens = new TestTokenIssuer(issuer);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(tokens.SigningKey);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"{issuer}/.well-known/jwks.json",
        }));
        app.MapGet("/.well-known/jwks.json", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string> { ["kty"] = jwk.Kty, ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y, ["kid"] = jwk.Kid, ["alg"] = "ES256", ["use"] = "sig" },
            },
        }));
        await app.StartAsync();
        return new TokenAuthority(app, issuer, tokens);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Tokens.Dispose();
    }
}
