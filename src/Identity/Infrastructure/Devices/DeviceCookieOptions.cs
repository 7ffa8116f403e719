namespace ChatApp.Identity.Infrastructure.Devices;

public sealed class DeviceCookieOptions
{
    public const string Section = "DeviceCookies";

    /// <summary>How long a browser stays known after signing in (each sign-in issues a new cookie).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>The sign-in endpoints as the browser sees them, through the gateway: no other request carries the cookie.</summary>
    public string Path { get; set; } = "/api/identity/sign-in";
}
