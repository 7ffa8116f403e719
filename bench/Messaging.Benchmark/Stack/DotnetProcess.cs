using ChatApp.Testing;

namespace ChatApp.Messaging.Benchmark.Stack;

/// <summary>A built ASP.NET Core program run as a process of its own on a free port, as the AppHost runs it.</summary>
public sealed class DotnetProcess : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private DotnetProcess(string name, ServerProcess process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>Starts <paramref name="assemblyPath"/> with <paramref name="settings"/> as environment variables and waits for /health (or /alive) to answer 200.</summary>
    public static async Task<DotnetProcess> StartAsync(string name, string assemblyPath, IReadOnlyDictionary<string, string> settings, string healthPath = "/health", params string[] arguments)
    {
        if (!File.Exists(assemblyPath))
            throw new FileNotFoundException($"{assemblyPath} is not built; run the benchmark with `dotnet run -c Release --project bench/Messaging.Benchmark`, which builds it.");
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            // Its appsettings.json lies beside it, not in this program's working folder.
            ["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(assemblyPath)!,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var process = ServerProcess.Start(null, environment, "dotnet", [assemblyPath, .. arguments]);
        var started = new DotnetProcess(name, process, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{name} exited:\n{process.Output}");
                try
                {
                    using var response = await client.GetAsync(new Uri(healthPath, UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(90), () => $"{name} did not become healthy:\n{process.Output}");
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return started;
    }

    /// <summary>Resident memory now, from /proc.</summary>
    public long ResidentBytes() => ProcessTree.ResidentBytes(_process.Id);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
