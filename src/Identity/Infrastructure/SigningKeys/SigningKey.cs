using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Identity.Infrastructure.SigningKeys;

/// <summary>One ES256 key: it signs between <see cref="SignsFrom"/> and <see cref="SignsUntil"/> and is published around that.</summary>
public sealed class SigningKey(string keyId, ECDsa key, DateTimeOffset signsFrom, DateTimeOffset signsUntil)
{
    public string KeyId { get; } = keyId;

    public DateTimeOffset SignsFrom { get; } = signsFrom;

    public DateTimeOffset SignsUntil { get; } = signsUntil;

    public ECDsaSecurityKey SecurityKey { get; } = new(key) { KeyId = keyId };

    public SigningCredentials Credentials => new(SecurityKey, SecurityAlgorithms.EcdsaSha256);

    public bool SignsAt(DateTimeOffset now) => SignsFrom <= now && now < SignsUntil;

    /// <summary>The public half as a JWK, for the JWKS document.</summary>
    public PublicJwk ToPublicJwk()
    {
        var parameters = SecurityKey.ECDsa.ExportParameters(includePrivateParameters: false);
        return new PublicJwk("EC", "sig", "ES256", KeyId, "P-256", Base64UrlEncoder.Encode(parameters.Q.X), Base64UrlEncoder.Encode(parameters.Q.Y));
    }
}

/// <summary>The public half of an ES256 key as a JSON Web Key (RFC 7517), as the JWKS document lists it.</summary>
public sealed record PublicJwk(string Kty, string Use, string Alg, string Kid, string Crv, string X, string Y);
