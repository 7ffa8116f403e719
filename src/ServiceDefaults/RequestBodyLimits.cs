using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Configuration;

namespace ChatApp.ServiceDefaults;

/// <summary>
/// Small request bodies everywhere: Kestrel's own limit (30 MB) lets one request make a process
/// buffer and parse far more than any ChatApp endpoint needs. Each request gets
/// <c>RequestLimits:MaxBodyBytes</c> (64 KiB unless configured), or what its endpoint declares
/// with <see cref="WithRequestBodyLimit{TBuilder}"/>; a body over it is answered 413 with problem
/// details: at once when its Content-Length says so, otherwise when reading reaches the limit
/// (Kestrel stops there, so the rest is never buffered).
/// </summary>
public static class RequestBodyLimits
{
    public const string Section = "RequestLimits";
    public const long DefaultMaxBodyBytes = 64 * 1024;

    /// <summary>Put after <see cref="ServiceDefaultsExtensions.UseProblemDetailsForErrors"/>, which answers a limit met while reading.</summary>
    public static WebApplication UseRequestBodyLimits(this WebApplication app)
    {
        var defaultLimit = app.Configuration.GetValue($"{Section}:MaxBodyBytes", DefaultMaxBodyBytes);
        // Not async: a request passed on returns next's task itself, so a WebSocket's request (which
        // lives as long as the connection) keeps no state machine of this middleware alive.
        app.Use((context, next) =>
        {
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            // Read-only for upgraded requests (WebSockets), which have no body; hub messages have their own limit.
            if (feature is null || feature.IsReadOnly)
                return next(context);

            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
            feature.MaxRequestBodySize = limit;
            return context.Request.ContentLength > limit ? TooLarge(limit).ExecuteAsync(context) : next(context);
        });
        return app;
    }

    /// <summary>A larger (or smaller) body limit for one endpoint or a group of them.</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(maxBytes));

    private static IResult TooLarge(long limit) =>
        Results.Problem(
            title: "Request body too large",
            detail: string.Create(CultureInfo.InvariantCulture, $"This endpoint accepts a body of at most {limit} bytes."),
            statusCode: StatusCodes.Status413PayloadTooLarge);

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
