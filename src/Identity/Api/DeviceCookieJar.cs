using ChatApp.Identity.Infrastructure.Devices;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Api;

/// <summary>
/// The browser keeps its device cookie HttpOnly, Secure and SameSite=Strict, sent to the sign-in
/// endpoints only. Secure like the refresh cookie: browsers keep Secure cookies from
/// http://localhost too, and anywhere else ChatApp is served over HTTPS.
/// </summary>
public sealed class DeviceCookieJar(IOptions<DeviceCookieOptions> options)
{
    public const string Name = "chatapp_device";

    public string? Read(HttpContext context) => context.Request.Cookies[Name] is { Length: > 0 } value ? value : null;

    public void Write(HttpContext context, IssuedDeviceCookie cookie) =>
        context.Response.Cookies.Append(Name, cookie.Token, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = options.Value.Path,
            Expires = cookie.ExpiresAt,
            IsEssential = true,
        });
}
