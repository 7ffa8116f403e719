using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Testing;

/// <summary>The endpoints of a running service that anyone may call without a token.</summary>
public static class AnonymousEndpoints
{
    /// <summary>
    /// Every endpoint of the service in <paramref name="services"/> that needs no token, as
    /// "METHOD /pattern" sorted: marked <c>AllowAnonymous</c>, or asking nothing while the
    /// service has no fallback policy that requires an authenticated user.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OfAsync(IServiceProvider services)
    {
        var fallback = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        return services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                || (fallback is null && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is null))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
