using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatApp.AppHost.HealthChecks;

internal static class ResourceHealthCheckExtensions
{
    /// <summary>
    /// Registers <paramref name="check"/> with the AppHost and makes it the resource's health:
    /// <c>WaitFor</c> on this resource then waits until the check passes, not merely until the
    /// process runs. The one instance serves every run of the check, so it may keep state.
    /// </summary>
    public static IResourceBuilder<T> WithHealthCheck<T>(this IResourceBuilder<T> resource, IHealthCheck check)
        where T : IResource
    {
        var key = $"{resource.Resource.Name}-{check.GetType().Name}";
        resource.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, check, failureStatus: null, tags: null));
        return resource.WithHealthCheck(key);
    }
}
