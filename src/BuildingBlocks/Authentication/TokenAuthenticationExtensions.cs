using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.BuildingBlocks.Authentication;

public static class TokenAuthenticationExtensions
{
    internal const string MetadataClient = "token-metadata";

    /// <summary>Paths where the access token may come in the query string: browsers cannot set headers on WebSockets.</summary>
    public static readonly PathString HubPaths = new("/hubs");

    /// <summary>
    /// Bearer authentication with ChatApp access tokens: ES256 only, issuer, audience, lifetime,
    /// subject and token id all required. Keys come from Identity's JWKS and are fetched again
    /// when a token names an unknown <c>kid</c>, so a rotated key is picked up without a restart.
    /// Safe by default: every endpoint needs a valid token unless it says <c>AllowAnonymous()</c>,
    /// so an endpoint someone forgets to protect is closed, not open.
    /// </summary>
    public static IHostApplicationBuilder AddTokenAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.Section);
        builder.Services.AddHttpClient(MetadataClient);
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureTokenValidation>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    private sealed class ConfigureTokenValidation(IOptions<TokenOptions> tokens, IHttpClientFactory httpClients)
        : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(string? name, JwtBearerOptions options) => Configure(options);

        public void Configure(JwtBearerOptions options)
        {
            var settings = tokens.Value;
            options.MetadataAddress = settings.MetadataAddress.ToString();
            // Identity is reached inside the system by its service name over plain HTTP; the
            // gateway terminates TLS for the outside.
            options.RequireHttpsMetadata = false;
            options.Backchannel = httpClients.CreateClient(MetadataClient);
            options.MapInboundClaims = false;
            // No service reads the token back (GetTokenAsync); saved, it would stay in the
            // authentication properties of every hub connection for the connection's life.
            options.SaveToken = false;
            options.RefreshInterval = settings.KeySetRefreshInterval;
            options.AutomaticRefreshInterval = settings.KeySetAutomaticRefreshInterval;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                ClockSkew = settings.ClockSkew,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                NameClaimType = ChatAppClaims.Username,
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (context.HttpContext.Request.Path.StartsWithSegments(HubPaths)
                        && context.Request.Query["access_token"] is { Count: 1 } token)
                        context.Token = token;
                    return Task.CompletedTask;
                },
                OnTokenValidated = context =>
                {
                    var principal = context.Principal;
                    if (principal?.FindFirst(ChatAppClaims.UserId) is null || principal.FindFirst(ChatAppClaims.TokenId) is null)
                        context.Fail("The token has no subject or no token id.");
                    else
                        context.Principal = TokenPrincipal.WithoutToken(principal);
                    return Task.CompletedTask;
                },
            };
        }
    }
}
