using ChatApp.ServiceDefaults;

namespace ChatApp.Gateway;

/// <summary>
/// Paths of the services that are for the system, not for people: their health and liveness
/// probes (readiness of the database and broker behind them), and their OpenAPI documents unless
/// published (<see cref="ApiDocuments"/>). The routes forward everything under
/// <c>/api/{service}/</c>, so these answer 404 here instead of being forwarded.
/// </summary>
public static class InternalPaths
{
    private static readonly string[] Probes = [HealthEndpoints.HealthPath[1..], HealthEndpoints.AlivePath[1..]];
    private const string Documents = "openapi";

    public static WebApplication UseInternalPathsClosed(this WebApplication app)
    {
        var documentsPublished = ApiDocuments.ArePublished(app.Environment, app.Configuration);
        app.Use((context, next) =>
        {
            if (!IsInternal(context.Request.Path, documentsPublished))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary>
    /// By segments, ignoring case and empty segments, as the service's routing would read what
    /// the gateway forwards: <c>/api/identity//HEALTH</c> is <c>/health</c> there too.
    /// </summary>
    private static bool IsInternal(PathString path, bool documentsPublished)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 3 || !segments[0].Equals("api", StringComparison.OrdinalIgnoreCase))
            return false;
        var first = segments[2];
        return Probes.Contains(first, StringComparer.OrdinalIgnoreCase)
            || (!documentsPublished && first.Equals(Documents, StringComparison.OrdinalIgnoreCase));
    }
}
