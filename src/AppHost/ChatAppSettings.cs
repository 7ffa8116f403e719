using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost;

/// <summary>The AppHost's own settings, under <c>ChatApp</c> in configuration.</summary>
internal sealed record ChatAppSettings(string DataDirectory, int? GatewayPort)
{
    public const string Section = "ChatApp";

    public static ChatAppSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, repositoryRoot)
            : Path.Combine(repositoryRoot, ".data");
        // 0 means "any free port", for tests that run beside a developer's AppHost.
        var gatewayPort = section.GetValue<int?>("GatewayPort") ?? 5080;
        return new ChatAppSettings(dataDirectory, gatewayPort == 0 ? null : gatewayPort) { RepositoryRoot = repositoryRoot };
    }

    public required string RepositoryRoot { get; init; }

    public string Script(string name) => Path.Combine(RepositoryRoot, "eng", "servers", name);

    public string DataFolder(string name) => Path.Combine(DataDirectory, name);
}
