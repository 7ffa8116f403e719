using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatApp.ServiceDefaults;

/// <summary>
/// Whose X-Forwarded-For and X-Forwarded-Proto a process believes: only its known proxies'. Anyone
/// else could send any address in the header and so pick the attempt counter their tries count in.
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR, e.g. <c>10.0.0.0/8</c>), comma-separated, name them; when neither is set, the default
/// given by the caller holds.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    /// <param name="trustLoopback">
    /// Without configuration: true for a service, whose only proxy is the gateway on this machine;
    /// false for the gateway, which clients reach directly.
    /// </param>
    public static TBuilder AddTrustedProxies<TBuilder>(this TBuilder builder, bool trustLoopback) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = List(section["KnownProxies"]).Select(IPAddress.Parse).ToList();
        var networks = List(section["KnownNetworks"]).Select(System.Net.IPNetwork.Parse).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count == 0 && networks.Count == 0 && trustLoopback)
                return; // ASP.NET Core's own default: 127.0.0.0/8 and ::1.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    /// <summary>
    /// Believes the forwarded headers of the known proxies, if any. With none it adds nothing:
    /// ForwardedHeadersMiddleware with empty lists would believe everyone.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
            app.UseForwardedHeaders();
        return app;
    }

    private static string[] List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
