using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost.LocalServers;

internal static class MailServerResourceExtensions
{
    private const string ResourceName = "smtp4dev";

    /// <summary>
    /// The SMTP server: the one named by <c>Smtp:Host</c> (every <c>Smtp:*</c> setting passes
    /// through); else smtp4dev, the development inbox whose web page shows every email sent, as
    /// a local .NET tool (dotnet-tools.json, data in .data/smtp4dev) or, with
    /// <c>ChatApp:UseContainers</c>, a container.
    /// </summary>
    public static MailServer AddMailServer(this IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        var configured = builder.Configuration.GetSection("Smtp");
        if (configured["Host"] is { Length: > 0 })
        {
            return new MailServer(
                configured.GetChildren().ToDictionary(setting => setting.Key, setting => ReferenceExpression.Create($"{setting.Value ?? ""}")),
                server: null);
        }

        var smtp4dev = settings.UseContainers ? AddContainer(builder) : AddTool(builder, settings);
        smtp4dev.WithHttpHealthCheck("/api/server", endpointName: "http");
        var smtp = smtp4dev.GetEndpoint("smtp");
        return new MailServer(
            new Dictionary<string, ReferenceExpression>
            {
                ["Host"] = ReferenceExpression.Create($"127.0.0.1"),
                ["Port"] = ReferenceExpression.Create($"{smtp.Property(EndpointProperty.Port)}"),
                ["Security"] = ReferenceExpression.Create($"None"),
            },
            smtp4dev);
    }

    /// <summary>Sends the service's email to <paramref name="mail"/>, once it accepts mail.</summary>
    public static IResourceBuilder<ProjectResource> WithSmtp(this IResourceBuilder<ProjectResource> service, MailServer mail) =>
        mail.Configure(service);

    private static IResourceBuilder<IResourceWithEndpoints> AddTool(IDistributedApplicationBuilder builder, ChatAppSettings settings)
    {
        var dataFolder = settings.DataFolder("smtp4dev");
        var tool = builder.AddExecutable(ResourceName, "dotnet", settings.RepositoryRoot)
            .WithHttpEndpoint(name: "http", isProxied: false)
            .WithEndpoint(name: "smtp", scheme: "tcp", isProxied: false)
            .WithIconName("MailInbox");
        var http = tool.GetEndpoint("http");
        var smtp = tool.GetEndpoint("smtp");
        tool.WithArgs(
            "tool", "run", "smtp4dev", "--",
            ReferenceExpression.Create($"--urls=http://127.0.0.1:{http.Property(EndpointProperty.TargetPort)}"),
            ReferenceExpression.Create($"--smtpport={smtp.Property(EndpointProperty.TargetPort)}"),
            "--bindaddress=127.0.0.1",
            "--disableipv6",
            // An empty port turns IMAP and POP3 off (0 would open them on a random port).
            "--imapport=",
            "--pop3port=",
            // Everything it keeps goes under .data, none under ~/.config.
            $"--baseappdatapath={dataFolder}",
            $"--db={Path.Combine(dataFolder, "smtp4dev.db")}",
            "--nousersettings");
        return tool;
    }

    private static IResourceBuilder<IResourceWithEndpoints> AddContainer(IDistributedApplicationBuilder builder) =>
        builder.AddContainer(ResourceName, "rnwood/smtp4dev", "v3")
            .WithHttpEndpoint(targetPort: 80, name: "http")
            .WithEndpoint(targetPort: 25, name: "smtp", scheme: "tcp")
            .WithVolume("chatapp-smtp4dev", "/smtp4dev")
            .WithIconName("MailInbox");
}
