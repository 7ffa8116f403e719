using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Infrastructure.Devices;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Api;

/// <summary>The browser keeps its device cookie as Identity keeps all its cookies (<see cref="StrictCookie"/>), sent to the sign-in endpoints only.</summary>
public sealed class DeviceCookieJar(IOptions<DeviceCookieOptions> options)
{
    public const string Name = "chatapp_device";

    public string? Read(HttpContext context) => context.Request.Cookies[Name] is { Length: > 0 } value ? value : null;

    public void Write(HttpContext context, IssuedDeviceCookie cookie) =>
        context.Response.Cookies.Append(Name, cookie.Token, StrictCookie.Options(options.Value.Path, cookie.ExpiresAt));
}
