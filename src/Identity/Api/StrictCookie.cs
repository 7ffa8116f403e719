namespace ChatApp.Identity.Api;

/// <summary>
/// How Identity's cookies are kept: HttpOnly (scripts never see them), Secure (browsers keep Secure
/// cookies from http://localhost too, and anywhere else ChatApp is served over HTTPS),
/// SameSite=Strict (other sites cannot send them), and sent to one path only.
/// </summary>
internal static class StrictCookie
{
    public static CookieOptions Options(string path, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = path,
        Expires = expires,
        IsEssential = true,
    };
}
