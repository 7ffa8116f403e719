using System.Security.Claims;

namespace ChatApp.BuildingBlocks.Authentication;

/// <summary>The claims ChatApp's access tokens carry, by their JWT names (inbound claim mapping is off).</summary>
public static class ChatAppClaims
{
    public const string UserId = "sub";
    public const string SessionId = "sid";
    public const string Username = "preferred_username";
    public const string TokenId = "jti";

    /// <summary>The signed-in user's id. Only call behind authorisation: an anonymous caller has none.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(UserId), out var id)
            ? id
            : throw new InvalidOperationException("The caller is not signed in, or the token has no user id.");

    public static Guid GetSessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionId), out var id)
            ? id
            : throw new InvalidOperationException("The token names no session.");
}
