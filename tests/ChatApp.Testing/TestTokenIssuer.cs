using System.Security.Claims;
using System.Security.Cryptography;
using ChatApp.BuildingBlocks.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Testing;

/// <summary>
/// Signs access tokens the way Identity does (ES256, with a <c>kid</c>) for tests of other
/// services, which then trust this issuer's key instead of fetching Identity's JWKS.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly TokenOptions _options;

    /// <param name="issuer">The issuer tokens name; Identity's (<c>http://identity</c>) unless a test stands in for Identity elsewhere.</param>
    public TestTokenIssuer(string? issuer = null)
    {
        _options = issuer is null ? new TokenOptions() : new TokenOptions { Issuer = issuer };
        SigningKey = new ECDsaSecurityKey(_key) { KeyId = $"test-{Guid.NewGuid():N}" };
    }

    public ECDsaSecurityKey SigningKey { get; }

    public string Issue(Guid userId, string username, Guid? sessionId = null, TimeSpan? lifetime = null, string? audience = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = audience ?? _options.Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(15)),
            Subject = new ClaimsIdentity(
            [
                new Claim(ChatAppClaims.UserId, userId.ToString()),
                new Claim(ChatAppClaims.SessionId, (sessionId ?? Guid.NewGuid()).ToString()),
                new Claim(ChatAppClaims.Username, username),
                new Claim(ChatAppClaims.TokenId, Guid.NewGuid().ToString()),
            ]),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>
    /// Makes a service under test trust this issuer's key without asking Identity. Call it after
    /// <c>AddTokenAuthentication</c>: a configuration set here, before JwtBearer's own
    /// post-configuration, takes the place of the discovery document.
    /// </summary>
    public void TrustIn(IServiceCollection services) =>
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = _options.Issuer };
            configuration.SigningKeys.Add(SigningKey);
            options.Configuration = configuration;
        });

    public void Dispose() => _key.Dispose();
}
