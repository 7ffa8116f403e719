using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Infrastructure.SigningKeys;
using Microsoft.AspNetCore.Http.HttpResults;
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
        discovery.MapGet("/openid-configuration", Ok<OpenIdConfiguration> (IOptions<TokenOptions> tokens) =>
            {
                var issuer = tokens.Value.Issuer.TrimEnd('/');
                return TypedResults.Ok(new OpenIdConfiguration(
                    tokens.Value.Issuer, $"{issuer}/.well-known/jwks.json", SigningAlgorithms, SubjectTypes, ResponseTypes, Claims));
            })
            .WithName("GetOpenIdConfiguration")
            .WithSummary("The OpenID discovery document: the token issuer and where its signing keys are.");

        discovery.MapGet("/jwks.json", Ok<JsonWebKeySet> (SigningKeyRing ring, HttpContext context) =>
            {
                // Short enough that a newly published key reaches every cache well before it signs.
                context.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Ok(new JsonWebKeySet(ring.Published.Select(key => key.ToPublicJwk()).ToArray()));
            })
            .WithName("GetJsonWebKeySet")
            .WithSummary("The public keys access tokens are signed with (JWKS), published before they sign and kept after.");
        return app;
    }
}
