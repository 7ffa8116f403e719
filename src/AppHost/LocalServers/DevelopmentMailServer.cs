using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost.LocalServers;

/// <summary>
/// Where Notifications sends email: smtp4dev (a .NET tool; its web page shows every email, data
/// in .data/smtp4dev), unless <c>Smtp:Host</c> names a real server, whose settings then pass through.
/// </summary>
internal static class DevelopmentMailServer
{
    /// <summary>Hands the SMTP settings to <paramref name="service"/>: smtp4dev's endpoint, or the configured server.</summary>
    public static IResourceBuilder<ProjectResource> WithSmtp(this IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        var smtp = builder.Configuration.GetSection("Smtp");
        if (smtp["Host"] is { Length: > 0 })
        {
            foreach (var setting in smtp.GetChildren())
                service.WithEnvironment($"Smtp__{setting.Key}", setting.Value ?? "");
            return service;
        }

        var smtp4dev = Add(builder, settings);
        var smtpEndpoint = smtp4dev.GetEndpoint("smtp");
        return service
            .WithEnvironment("Smtp__Host", "127.0.0.1")
            .WithEnvironment("Smtp__Port", smtpEndpoint.Property(EndpointProperty.TargetPort))
            .WithEnvironment("Smtp__Security", "None")
            .WaitFor(smtp4dev);
    }

    private static IResourceBuilder<ExecutableResource> Add(IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        var dataFolder = settings.DataFolder("smtp4dev");
        Directory.CreateDirectory(dataFolder);
        var smtp4dev = builder.AddExecutable("smtp4dev", "dotnet", settings.RepositoryRoot)
            .WithHttpEndpoint(name: "http", isProxied: false)
            .WithEndpoint(name: "smtp", scheme: "tcp", isProxied: false)
            .WithIconName("MailInbox")
            .WithHttpHealthCheck("/api/server", endpointName: "http");
        var http = smtp4dev.GetEndpoint("http");
        var smtpEndpoint = smtp4dev.GetEndpoint("smtp");
        smtp4dev.WithArgs(context =>
        {
            context.Args.Add("tool");
            context.Args.Add("run");
            context.Args.Add("smtp4dev");
            context.Args.Add("--");
            context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{http.Property(EndpointProperty.TargetPort)}"));
            context.Args.Add(ReferenceExpression.Create($"--smtpport={smtpEndpoint.Property(EndpointProperty.TargetPort)}"));
            context.Args.Add("--bindaddress=127.0.0.1");
            context.Args.Add("--imapport=0");
            context.Args.Add("--pop3port=0");
            context.Args.Add($"--db={Path.Combine(dataFolder, "smtp4dev.db")}");
            context.Args.Add("--nousersettings");
            context.Args.Add("--disableipv6");
        });
        return smtp4dev;
    }
}
