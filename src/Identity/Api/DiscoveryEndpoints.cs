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
        app.MapGet("/.well-known/openid-configuration", (IOptions<TokenOptions> tokens) =>
        {
            var issuer = tokens.Value.Issuer.TrimEnd('/');
            return Results.Ok(new Dictionary<string, object>
            {
                ["issuer"] = tokens.Value.Issuer,
                ["jwks_uri"] = $"{issuer}/.well-known/jwks.json",
                ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
                ["subject_types_supported"] = SubjectTypes,
                ["response_types_supported"] = ResponseTypes,
                ["claims_supported"] = Claims,
            });
        });

        app.MapGet("/.well-known/jwks.json", (SigningKeyRing ring, HttpContext context) =>
        {
            // Short enough that a newly published key reaches every cache well before it signs.
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Ok(new { keys = ring.Published.Select(key => key.ToPublicJwk()).ToArray() });
        });
        return app;
    }
}
