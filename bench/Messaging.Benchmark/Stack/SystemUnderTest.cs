using ChatApp.Contracts;
using ChatApp.Testing;
using Dapper;
using MySqlConnector;

namespace ChatApp.Messaging.Benchmark.Stack;

/// <summary>
/// The system under test, each part a process of its own as the AppHost runs it: private MariaDB,
/// RabbitMQ and Redis, the Messaging service, and gateways in front; plus the token authority
/// and, for the baseline, the bare relay.
/// </summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private static readonly string[] Services = ["identity", "messaging", "calls", "notifications"];
    private readonly List<IAsyncDisposable> _parts = [];
    private string _database = "";
    private string _broker = "";
    private string _redis = "";
    private EventPublisher _events = null!;

    public TokenAuthority Authority { get; private set; } = null!;

    public DotnetProcess Messaging { get; private set; } = null!;

    public int DatabaseProcessId { get; private set; }

    public int BrokerProcessId { get; private set; }

    public int RedisProcessId { get; private set; }

    public static async Task<SystemUnderTest> StartAsync()
    {
        var stack = new SystemUnderTest();
        try
        {
            var database = MariaDbServer.StartAsync();
            var broker = RabbitMqServer.StartAsync();
            var redis = RedisServer.StartAsync();
            stack.Authority = stack.Own(await TokenAuthority.StartAsync());
            var mariadb = stack.Own(await database);
            var rabbitmq = stack.Own(await broker);
            var cache = stack.Own(await redis);
            stack._database = await mariadb.CreateDatabaseAsync("messaging_bench");
            (stack._broker, stack._redis) = (rabbitmq.ConnectionString, cache.ConnectionString);
            // Measured for what they cost, so they must be the processes started here, not servers named by the environment.
            const string LocalOnly = "is not a process of this run: unset the environment variable naming a shared one.";
            stack.DatabaseProcessId = mariadb.ProcessId ?? throw new InvalidOperationException("MariaDB " + LocalOnly);
            stack.BrokerProcessId = rabbitmq.ProcessId ?? throw new InvalidOperationException("RabbitMQ " + LocalOnly);
            stack.RedisProcessId = cache.ProcessId ?? throw new InvalidOperationException("Redis " + LocalOnly);
            stack._events = stack.Own(await EventPublisher.ConnectAsync(rabbitmq.ConnectionString));
            stack.Messaging = stack.Own(await stack.StartMessagingAsync("messaging"));
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
        return stack;
    }

    /// <summary>A replica of the Messaging service on the run's database, broker and Redis.</summary>
    public Task<DotnetProcess> StartMessagingAsync(string name) =>
        DotnetProcess.StartAsync(name, BuiltAssembly("Messaging"), new Dictionary<string, string>
        {
            ["ConnectionStrings__messaging-db"] = _database,
            ["ConnectionStrings__rabbitmq"] = _broker,
            ["ConnectionStrings__redis"] = _redis,
            ["Tokens__Issuer"] = Authority.Issuer,
        });

    /// <summary>A gateway (the real one, with its production routes) whose <c>messaging</c> destination is <paramref name="messaging"/>.</summary>
    public async Task<DotnetProcess> StartGatewayAsync(string name, Uri messaging)
    {
        var destination = messaging.ToString().TrimEnd('/');
        // Service discovery settings, as Aspire hands them over; the other services are not part of this run.
        var settings = Services.ToDictionary(service => $"services__{service}__http__0", _ => destination);
        return await DotnetProcess.StartAsync(name, BuiltAssembly("Gateway"), settings, "/alive");
    }

    /// <summary>The bare relay of the baseline: this program again, in relay mode.</summary>
    public Task<DotnetProcess> StartRelayAsync() =>
        DotnetProcess.StartAsync("relay", typeof(SystemUnderTest).Assembly.Location,
            new Dictionary<string, string> { ["Tokens__Issuer"] = Authority.Issuer }, "/health", Relay.RelayServer.Mode);

    /// <summary>Users come into being as in the system: UserRegistered through the broker, waited for in the projection.</summary>
    public async Task RegisterUsersAsync(IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids)
            await _events.PublishAsync(new UserRegistered(id, "b" + id.ToString("N")[^14..], "Bench " + id.ToString("N")[^4..], $"{id:N}@bench.test", "en", DateTimeOffset.UtcNow));
        await using var connection = new MySqlConnection(_database);
        await Eventually.HoldsAsync(async () => await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE id IN @ids", new { ids }) == ids.Count,
            TimeSpan.FromSeconds(120), () => "Messaging did not learn of every simulated user.");
    }

    public async Task<long> StoredMessagesAsync()
    {
        await using var connection = new MySqlConnection(_database);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM messages");
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _parts.Count - 1; i >= 0; i--)
            await _parts[i].DisposeAsync();
    }

    private T Own<T>(T part) where T : IAsyncDisposable
    {
        _parts.Add(part);
        return part;
    }

    /// <summary>A service's dll as built beside this program, in the same configuration.</summary>
    private static string BuiltAssembly(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(RepositoryRoot.Path, "src", project, "bin", configuration, "net10.0", project + ".dll");
    }
}
