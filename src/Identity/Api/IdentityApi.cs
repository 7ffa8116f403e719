using ChatApp.ServiceDefaults;
using FluentValidation;

namespace ChatApp.Identity.Api;

public static class IdentityApi
{
    /// <summary>The refresh and device cookies, request validators, the gateway as trusted proxy, and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddIdentityApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RefreshCookieOptions>().BindConfiguration(RefreshCookieOptions.Section);
        builder.Services.AddSingleton<RefreshCookie>();
        builder.Services.AddSingleton<DeviceCookieJar>();
        builder.Services.AddValidatorsFromAssemblyContaining<RegisterRequestValidator>(ServiceLifetime.Singleton);
        // The gateway (on loopback, trusted unless ForwardedHeaders:KnownProxies says otherwise) passes the browser's address.
        builder.AddTrustedProxies(trustLoopback: true);
        builder.Services.AddServiceOpenApi("/api/identity");
        return builder;
    }
}
