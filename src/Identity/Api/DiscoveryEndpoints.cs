using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Infrastructure.SigningKeys;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Api;

/// <summary>The OpenID discovery document and the JWKS, from which every service learns how to check access tokens.</summary>
public static class DiscoveryEndpoints
{
    private static readonly string[] SigningAlgorithms = ["ES256"];
    private static readonly string[] SubjectTypes = ["public"];
    private static readonly string[] ResponseTypes = ["token"];
    private static readonly string[] Claims = [ChatAppClaims.UserId, ChatAppClaims.SessionId, ChatAppClaims.Username, "name", ChatAppClaims.TokenId];

    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        var discovery = app.MapGroup("/.well-known").AllowAnonymous().WithTags("Discovery");
        discovery.MapGet("/openid-configuration", (IOptions<TokenOptions> tokens) =>
            {
                var issuer = tokens.Value.Issuer.TrimEnd('/');
                return Results.Ok(new OpenIdConfiguration(
                    tokens.Value.Issuer, $"{issuer}/.well-known/jwks.json", SigningAlgorithms, SubjectTypes, ResponseTypes, Claims));
            })
            .WithName("GetOpenIdConfiguration")
            .Produces<OpenIdConfiguration>();

        discovery.MapGet("/jwks.json", (SigningKeyRing ring, HttpContext context) =>
            {
                // Short enough that a newly published key reaches every cache well before it signs.
                context.Response.Headers.CacheControl = "public, max-age=300";
                return Results.Ok(new JsonWebKeySet(ring.Published.Select(key => key.ToPublicJwk()).ToArray()));
            })
            .WithName("GetJsonWebKeySet")
            .Produces<JsonWebKeySet>();
        return app;
    }
}
