using System.Security.Claims;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Application.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Identity.Infrastructure.SigningKeys;

/// <summary>Signs access tokens: ES256 with the ring's current key, short-lived, naming the user and the session.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, TimeProvider clock, IOptions<TokenOptions> tokens, IOptions<SigningKeyOptions> signing) : IAccessTokenIssuer
{
    private static readonly JsonWebTokenHandler Handler = new();

    public AccessToken Issue(UserSummary user, Guid sessionId)
    {
        var now = clock.GetUtcNow();
        var expires = now + signing.Value.AccessTokenLifetime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = tokens.Value.Issuer,
            Audience = tokens.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(ChatAppClaims.UserId, user.Id.ToString()),
                new Claim(ChatAppClaims.SessionId, sessionId.ToString()),
                new Claim(ChatAppClaims.Username, user.Username),
                new Claim("name", user.DisplayName),
                new Claim(ChatAppClaims.TokenId, Guid.NewGuid().ToString()),
            ]),
            SigningCredentials = keys.Current.Credentials,
        });
        return new AccessToken(token, expires);
    }
}
