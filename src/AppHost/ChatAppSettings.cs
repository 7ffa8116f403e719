using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost;

/// <summary>The AppHost's own settings, under <c>ChatApp</c> in configuration.</summary>
internal sealed class ChatAppSettings
{
    public const string Section = "ChatApp";
    private const int DefaultGatewayPort = 5080;

    private ChatAppSettings(string repositoryRoot, string dataDirectory, int? gatewayPort, bool useContainers)
    {
        RepositoryRoot = repositoryRoot;
        DataDirectory = dataDirectory;
        GatewayPort = gatewayPort;
        UseContainers = useContainers;
    }

    public string RepositoryRoot { get; }

    /// <summary>Where the local servers keep their data; .data at the repository root unless configured.</summary>
    public string DataDirectory { get; }

    /// <summary>The gateway's port; null lets Aspire pick a free one (configured as 0, for tests).</summary>
    public int? GatewayPort { get; }

    /// <summary>Run MariaDB, RabbitMQ and smtp4dev as containers rather than local processes.</summary>
    public bool UseContainers { get; }

    public static ChatAppSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        // src/AppHost → the repository root, where eng/servers and .data live.
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, repositoryRoot)
            : Path.Combine(repositoryRoot, ".data");
        var gatewayPort = section.GetValue<int?>("GatewayPort") ?? DefaultGatewayPort;
        return new ChatAppSettings(repositoryRoot, dataDirectory, gatewayPort == 0 ? null : gatewayPort, section.GetValue<bool>("UseContainers"));
    }

    public string Script(string name) => Path.Combine(RepositoryRoot, "eng", "servers", name);

    /// <summary>A server's own folder under the data directory, created on first use.</summary>
    public string DataFolder(string name) => Directory.CreateDirectory(Path.Combine(DataDirectory, name)).FullName;
}
