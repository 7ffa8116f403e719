using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>
/// The real Gateway (its built program, with its own appsettings.json) routing <c>/api/messaging</c>
/// and <c>/hubs/chat</c> to one Messaging replica: what a browser's request meets before a service.
/// </summary>
public sealed class GatewayInFront : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private GatewayInFront(ServerProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<GatewayInFront> StartAsync(MessagingReplica messaging)
    {
        var gatewayDll = Path.Combine(RepositoryRoot.Path, "src", "Gateway", "bin", BuildConfiguration, "net10.0", "Gateway.dll");
        if (!File.Exists(gatewayDll))
            throw new InvalidOperationException($"{gatewayDll} is missing: build the solution (or src/Gateway) first.");
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var process = ServerProcess.Start(null, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(gatewayDll)!,
            ["ReverseProxy__Clusters__messaging__Destinations__messaging__Address"] = messaging.Address.ToString(),
        }, "dotnet", gatewayDll);
        var gateway = new GatewayInFront(process, address);
        using var client = new HttpClient { BaseAddress = address };
        await Eventually.HoldsAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException("The gateway exited: " + process.Output);
            try
            {
                using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative));
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), () => "The gateway did not answer: " + process.Output);
        return gateway;
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
