using ChatApp.Identity.Application.Tokens;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Api;

/// <summary>
/// The browser keeps the refresh token in an HttpOnly, Secure, SameSite=Strict cookie that only
/// the token endpoints receive: scripts never see it, other sites cannot send it.
/// </summary>
public sealed class RefreshCookie(IOptions<RefreshCookieOptions> options)
{
    public const string Name = "chatapp_refresh";

    public string? Read(HttpContext context) => context.Request.Cookies[Name] is { Length: > 0 } value ? value : null;

    public void Write(HttpContext context, SignedInSession session) =>
        context.Response.Cookies.Append(Name, session.RefreshToken, Options(session.RefreshTokenExpiresAt));

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, Options(expires: null));

    private CookieOptions Options(DateTimeOffset? expires) => StrictCookie.Options(options.Value.Path, expires);
}

public sealed class RefreshCookieOptions
{
    public const string Section = "RefreshCookie";

    /// <summary>The token endpoints as the browser sees them, through the gateway.</summary>
    public string Path { get; set; } = "/api/identity/tokens";
}
