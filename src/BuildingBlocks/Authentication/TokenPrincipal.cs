using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.BuildingBlocks.Authentication;

/// <summary>
/// The principal a validated access token stands for, holding its claims and nothing else. The one
/// the token handler makes keeps the parsed token reachable (its identity's <c>SecurityToken</c>,
/// with the encoded token, both JSON claim sets and a second copy of every claim) for as long as
/// the request lives, and a hub connection's request lives for hours: about 3 KB per idle
/// connection that nothing reads.
/// </summary>
public static class TokenPrincipal
{
    public static ClaimsPrincipal WithoutToken(ClaimsPrincipal principal)
    {
        var identities = principal.Identities.Select(identity =>
        {
            // Case-sensitive claim types, as the token handler's identity has them.
            var slim = new CaseSensitiveClaimsIdentity(identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
            foreach (var claim in identity.Claims)
                slim.AddClaim(Copy(claim, slim));
            return slim;
        });
        return new ClaimsPrincipal(identities);
    }

    private static Claim Copy(Claim claim, ClaimsIdentity subject)
    {
        var copy = new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer, claim.OriginalIssuer, subject);
        // Only a claim that carries properties gets a dictionary for them (an empty one is 80 bytes a claim).
        foreach (var property in claim.Properties)
            copy.Properties[property.Key] = property.Value;
        return copy;
    }
}
