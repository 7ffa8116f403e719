using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost;

/// <summary>The AppHost's own settings, under <c>ChatApp</c> in configuration.</summary>
internal sealed record ChatAppSettings(string RepositoryRoot, string DataDirectory, int? GatewayPort, bool UseContainers)
{
    public const string Section = "ChatApp";
    private const int DefaultGatewayPort = 5080;

    public static ChatAppSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        // src/AppHost → the repository root, where eng/servers and .data live.
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, repositoryRoot)
            : Path.Combine(repositoryRoot, ".data");
        // 0 means "any free port", for tests that run beside a developer's AppHost.
        var gatewayPort = section.GetValue<int?>("GatewayPort") ?? DefaultGatewayPort;
        return new ChatAppSettings(
            repositoryRoot,
            dataDirectory,
            gatewayPort == 0 ? null : gatewayPort,
            section.GetValue<bool>("UseContainers"));
    }

    public string Script(string name) => Path.Combine(RepositoryRoot, "eng", "servers", name);

    /// <summary>A server's own folder under the data directory, created on first use.</summary>
    public string DataFolder(string name) => Directory.CreateDirectory(Path.Combine(DataDirectory, name)).FullName;
}
