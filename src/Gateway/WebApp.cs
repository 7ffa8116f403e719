using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ChatApp.Gateway;

/// <summary>
/// Serves the built web app: hashed files under /assets cached for a year, everything else
/// (index.html above all) revalidated on each visit, text compressed, and the app's own paths
/// (/c/…, /settings) answered with index.html so a reload lands where it was.
/// </summary>
public static class WebApp
{
    private static readonly string[] ServicePaths = ["/api", "/hubs", "/health", "/alive"];

    public static IServiceCollection AddWebApp(this IServiceCollection services) => services.AddResponseCompression(options =>
    {
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
        options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json"];
    });

    public static WebApplication UseWebApp(this WebApplication app)
    {
        // Only the app's own files are compressed: API answers carry secrets (tokens), and
        // compressing secrets beside attacker-chosen text is what BREACH exploits.
        app.UseWhen(context => !IsServicePath(context.Request.Path), branch => branch.UseResponseCompression());
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => SetCaching(context.Context) });
        return app;
    }

    /// <summary>Client-side routes get index.html; unknown API and hub paths stay 404.</summary>
    public static void MapWebAppFallback(this WebApplication app) =>
        app.MapFallback(async context =>
        {
            if (IsServicePath(context.Request.Path) || Path.HasExtension(context.Request.Path.Value))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var index = app.Environment.WebRootFileProvider.GetFileInfo("index.html");
            if (!index.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            SetCaching(context);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        });

    private static void SetCaching(HttpContext context) =>
        context.Response.Headers[HeaderNames.CacheControl] = context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";

    private static bool IsServicePath(PathString path) => ServicePaths.Any(prefix => path.StartsWithSegments(prefix));
}
