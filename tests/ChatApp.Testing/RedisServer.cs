using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using StackExchange.Redis;

namespace ChatApp.Testing;

/// <summary>
/// A Redis for tests, reached by a StackExchange.Redis connection string (host:port,password=…):
/// the one named by CHATAPP_TEST_REDIS, else a private redis-server on a free port in a temporary
/// folder, else a Testcontainers container. A private server can be stopped and started again on the same port.
/// </summary>
public sealed class RedisServer : TestServer
{
    public const string EnvironmentVariable = "CHATAPP_TEST_REDIS";
    private const int RedisPort = 6379;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static readonly Kind Redis = new(
        "Redis", EnvironmentVariable, Executable: "redis-server", Package: "redis-server",
        () => new LocalRedis(), NewContainer, container => $"{container.Hostname}:{container.GetMappedPublicPort(RedisPort)}");

    private RedisServer(Origin origin)
        : base(origin)
    {
    }

    public static async Task<RedisServer> StartAsync() => new(await FindOrStartAsync(Redis));

    /// <summary>Stops a private server (an outage); it comes back empty on the same port.</summary>
    public Task StopAsync() => StopPrivateAsync();

    public Task StartAgainAsync() => StartPrivateAgainAsync();

    private static async Task PingAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.ConnectTimeout = 1000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        await redis.GetDatabase().PingAsync();
    }

    private sealed class LocalRedis() : LocalServer("Redis")
    {
        private readonly int _port = FreePort.Next();
        private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

        public override string ConnectionString => $"127.0.0.1:{_port},password={_password}";

        protected override ServerProcess StartProcess() => RunScript("redis.sh", Invariant(_port), _password);

        protected override Task WaitUntilReadyAsync(ServerProcess process) =>
            Readiness.WaitAsync(Name, process, () => PingAsync(ConnectionString), StartTimeout);
    }

    private static IContainer NewContainer() =>
        new ContainerBuilder("redis:7.4")
            .WithPortBinding(RedisPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Ready to accept connections"))
            .Build();
}
