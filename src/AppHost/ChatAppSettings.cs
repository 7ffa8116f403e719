using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost;

/// <summary>The AppHost's own settings, under <c>ChatApp</c> in configuration.</summary>
internal sealed class ChatAppSettings
{
    public const string Section = "ChatApp";

    private ChatAppSettings(string repositoryRoot, string dataDirectory, int? gatewayPort)
    {
        RepositoryRoot = repositoryRoot;
        DataDirectory = dataDirectory;
        GatewayPort = gatewayPort;
    }

    public string RepositoryRoot { get; }

    /// <summary>Where the local servers keep their data; .data at the repository root unless configured.</summary>
    public string DataDirectory { get; }

    /// <summary>The gateway's port; null lets Aspire pick a free one (configured as 0, for tests).</summary>
    public int? GatewayPort { get; }

    public static ChatAppSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, repositoryRoot)
            : Path.Combine(repositoryRoot, ".data");
        var gatewayPort = section.GetValue<int?>("GatewayPort") ?? 5080;
        return new ChatAppSettings(repositoryRoot, dataDirectory, gatewayPort == 0 ? null : gatewayPort);
    }

    public string Script(string name) => Path.Combine(RepositoryRoot, "eng", "servers", name);

    public string DataFolder(string name) => Path.Combine(DataDirectory, name);
}
