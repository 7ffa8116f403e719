using System.Globalization;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using StackExchange.Redis;

namespace ChatApp.Testing;

/// <summary>
/// A Redis for tests: the one named by CHATAPP_TEST_REDIS (a StackExchange.Redis connection
/// string), else a private redis-server on a free port in a temporary folder, else a
/// Testcontainers container. A private server can be stopped and started again on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "CHATAPP_TEST_REDIS";
    private const int RedisPort = 6379;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Func<ValueTask> _dispose;
    private readonly LocalRedis? _local;

    private RedisServer(string connectionString, LocalRedis? local, Func<ValueTask> dispose)
    {
        ConnectionString = connectionString;
        _local = local;
        _dispose = dispose;
    }

    /// <summary>host:port,password=… as StackExchange.Redis takes it.</summary>
    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
            return new RedisServer(given, null, () => ValueTask.CompletedTask);
        if (LocalExecutable.Exists("redis-server"))
        {
            // A server that did not come up may have lost its port to another test run's server
            // between the check and the bind: it gets another port, twice.
            for (var attempt = 1; ; attempt++)
            {
                var local = new LocalRedis();
                try
                {
                    await local.StartAsync();
                    return new RedisServer(local.ConnectionString, local, local.DisposeAsync);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    await local.DisposeAsync();
                }
                catch
                {
                    await local.DisposeAsync();
                    throw;
                }
            }
        }
        if (ContainerEngine.IsAvailable())
        {
            var container = new ContainerBuilder("redis:7.4")
                .WithPortBinding(RedisPort, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Ready to accept connections"))
                .Build();
            try
            {
                await container.StartAsync();
            }
            catch
            {
                await container.DisposeAsync();
                throw;
            }
            return new RedisServer($"{container.Hostname}:{container.GetMappedPublicPort(RedisPort)}", null, container.DisposeAsync);
        }
        throw new InvalidOperationException(
            $"No Redis for the tests: set {EnvironmentVariable}, install the redis-server package (./test.sh does), or run a Docker engine.");
    }

    /// <summary>Stops a private server (an outage); it comes back empty on the same port.</summary>
    public Task StopAsync() => (_local ?? throw NotPrivate()).StopAsync();

    public Task StartAgainAsync() => (_local ?? throw NotPrivate()).StartServerAsync();

    public ValueTask DisposeAsync() => _dispose();

    private static InvalidOperationException NotPrivate() =>
        new("Only a Redis the tests started themselves can be stopped and restarted.");

    private static async Task PingAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.ConnectTimeout = 1000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        await redis.GetDatabase().PingAsync();
    }

    private sealed class LocalRedis : IAsyncDisposable
    {
        private readonly string _folder = TemporaryFolder.Create("redis");
        private readonly int _port = FreePort.Next();
        private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        private ServerProcess? _process;

        public string ConnectionString => $"127.0.0.1:{_port},password={_password}";

        public async Task StartAsync() => await StartServerAsync();

        public async Task StartServerAsync()
        {
            if (_process is not null)
                throw new InvalidOperationException("Redis is running; stop it first.");
            _process = ServerProcess.Start(_folder, "bash", RepositoryRoot.Script("eng/servers/redis.sh"),
                Path.Combine(_folder, "data"), _port.ToString(CultureInfo.InvariantCulture), _password);
            await Readiness.WaitAsync("Redis", _process, () => PingAsync(ConnectionString), StartTimeout);
        }

        public async Task StopAsync()
        {
            if (_process is not null)
                await _process.DisposeAsync();
            _process = null;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            TemporaryFolder.Delete(_folder);
        }
    }
}
