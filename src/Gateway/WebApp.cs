using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ChatApp.Gateway;

/// <summary>
/// Serves the built web app: hashed files under /assets cached for a year and sent in the
/// Brotli or gzip copy the build made of them, everything else (index.html above all)
/// revalidated on each visit, and the app's own paths (/c/…, /settings) answered with
/// index.html so a reload lands where it was. Nothing is compressed per request, so no API
/// answer (tokens) is ever compressed beside attacker-chosen text (BREACH).
/// </summary>
public static class WebApp
{
    private static readonly string[] ServicePaths = ["/api", "/hubs", "/health", "/alive"];
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            ServePrecompressed(context, app.Environment.WebRootFileProvider);
            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new PrecompressedContentTypes(),
            OnPrepareResponse = context => SetCaching(context.Context),
        });
        return app;
    }

    /// <summary>Client-side routes get index.html; unknown API and hub paths stay 404.</summary>
    public static void MapWebAppFallback(this WebApplication app) =>
        app.MapFallback(async context =>
        {
            var index = app.Environment.WebRootFileProvider.GetFileInfo("index.html");
            if (IsServicePath(context.Request.Path) || Path.HasExtension(context.Request.Path.Value) || !index.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            SetCaching(context);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        });

    /// <summary>Points an /assets request at the build's compressed copy when the browser accepts it.</summary>
    private static void ServePrecompressed(HttpContext context, Microsoft.Extensions.FileProviders.IFileProvider files)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/assets") || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            return;
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, suffix) in Encodings)
        {
            if (!accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) || !files.GetFileInfo(path + suffix).Exists)
                continue;
            context.Request.Path = path + suffix;
            context.Response.Headers.ContentEncoding = encoding;
            return;
        }
    }

    private static void SetCaching(HttpContext context) =>
        context.Response.Headers[HeaderNames.CacheControl] = context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";

    private static bool IsServicePath(PathString path) => ServicePaths.Any(prefix => path.StartsWithSegments(prefix));

    /// <summary>A compressed copy has the type of the file it was made from (app.js.br is JavaScript).</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Encodings)
            {
                if (subpath.EndsWith(suffix, StringComparison.Ordinal))
                    return _types.TryGetContentType(subpath[..^suffix.Length], out contentType!);
            }
            return _types.TryGetContentType(subpath, out contentType!);
        }
    }
}
