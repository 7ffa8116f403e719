using System.Text.Json.Serialization;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.SigningKeys;

namespace ChatApp.Identity.Api;

// The bodies the endpoints answer with where no use-case record fits, named so the OpenAPI
// document describes them. Serialized camelCase, as the anonymous objects they replace were.

public sealed record AccountCreated(Guid UserId);

/// <summary>The access token in the body (the client keeps it in memory); the refresh token travels in its cookie only.</summary>
public sealed record SignedIn(string AccessToken, DateTimeOffset ExpiresAt, Guid SessionId);

public sealed record PasswordChanged(int OtherSessionsEnded);

public sealed record AuthenticatorRemoved(int OtherSessionsEnded);

public sealed record SecondFactorChosen(SecondFactor SecondFactor);

public sealed record SignedOutEverywhere(int SessionsEnded);

public sealed record JsonWebKeySet(IReadOnlyList<PublicJwk> Keys);

/// <summary>The OpenID discovery document, with its registered snake_case member names.</summary>
public sealed record OpenIdConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> ClaimsSupported);
