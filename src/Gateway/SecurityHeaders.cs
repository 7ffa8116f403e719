namespace ChatApp.Gateway;

/// <summary>
/// Headers that make the browser hold the web app to what it is: scripts and styles only from
/// this origin (no inline code, no eval), never framed, no MIME sniffing, no referrer to other
/// sites, the microphone for this origin only, and HSTS when served over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";

    public const string PermissionsPolicy =
        "microphone=(self), camera=(), geolocation=(), payment=(), usb=(), display-capture=(), " +
        "publickey-credentials-get=(self), publickey-credentials-create=(self)";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A page a service renders itself (the unsubscribe page) brings its own policy.
            if (!headers.ContainsKey("Content-Security-Policy"))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
