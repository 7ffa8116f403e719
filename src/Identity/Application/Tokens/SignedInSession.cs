using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Application.Tokens;

/// <summary>
/// What a client holds after signing in or refreshing: a short access token and the session's next
/// refresh token; after signing in, also a new device cookie that makes the browser known.
/// </summary>
public sealed record SignedInSession(Guid SessionId, AccessToken AccessToken, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, IssuedDeviceCookie? DeviceCookie = null);
