using System.Globalization;
using RabbitMQ.Client;

namespace ChatApp.Testing;

/// <summary>
/// A RabbitMQ broker for tests: the one named by CHATAPP_TEST_RABBITMQ, else a private node
/// (with its own epmd) on free ports in a temporary folder, else a Testcontainers container.
/// A private node can be stopped and started again on the same ports and data, for outage tests.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "CHATAPP_TEST_RABBITMQ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly LocalNode? _local;
    private readonly Func<ValueTask>? _disposeExternal;

    private RabbitMqServer(string connectionString, LocalNode? local, Func<ValueTask>? disposeExternal)
    {
        ConnectionString = connectionString;
        _local = local;
        _disposeExternal = disposeExternal;
    }

    /// <summary>An amqp:// URI.</summary>
    public string ConnectionString { get; }

    public static async Task<RabbitMqServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
            return new RabbitMqServer(given, null, null);
        if (LocalExecutable.Exists(LocalNode.ServerPath))
        {
            var node = new LocalNode();
            await node.StartAsync();
            return new RabbitMqServer(node.ConnectionString, node, null);
        }
        if (ContainerEngine.IsAvailable())
        {
            var container = new DotNet.Testcontainers.Builders.ContainerBuilder("rabbitmq:3")
                .WithPortBinding(5672, assignRandomHostPort: true)
                .WithWaitStrategy(DotNet.Testcontainers.Builders.Wait.ForUnixContainer().UntilMessageIsLogged("Server startup complete"))
                .Build();
            await container.StartAsync();
            var uri = $"amqp://guest:guest@{container.Hostname}:{container.GetMappedPublicPort(5672)}/";
            return new RabbitMqServer(uri, null, container.DisposeAsync);
        }
        throw new InvalidOperationException(
            $"No RabbitMQ for the tests: set {EnvironmentVariable}, install the rabbitmq-server package (./test.sh does), or run a Docker engine.");
    }

    /// <summary>Stops a private node (an outage), keeping its data and ports.</summary>
    public Task StopAsync() => (_local ?? throw NotPrivate()).StopNodeAsync();

    /// <summary>Starts a stopped private node again, on the same ports and data.</summary>
    public Task StartAgainAsync() => (_local ?? throw NotPrivate()).StartNodeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_local is not null)
            await _local.DisposeAsync();
        if (_disposeExternal is not null)
            await _disposeExternal();
    }

    private static InvalidOperationException NotPrivate() =>
        new("Only a broker the tests started themselves can be stopped and restarted.");

    /// <summary>A private node: an epmd and a rabbitmq-server through eng/servers/rabbitmq.sh.</summary>
    private sealed class LocalNode : IAsyncDisposable
    {
        public const string ServerPath = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        private readonly string _folder = TemporaryFolder.Create("rabbitmq");
        private readonly int _amqpPort = FreePort.Next();
        private readonly int _distPort = FreePort.Next();
        private readonly int _epmdPort = FreePort.Next();
        private ServerProcess? _epmd;
        private ServerProcess? _node;

        public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{_amqpPort}/";

        public async Task StartAsync()
        {
            _epmd = ServerProcess.Start("epmd", "-port", Invariant(_epmdPort), "-address", "127.0.0.1");
            await StartNodeAsync();
        }

        public async Task StartNodeAsync()
        {
            _node = ServerProcess.Start("bash", RepositoryRoot.Script("eng/servers/rabbitmq.sh"),
                Path.Combine(_folder, "data"), Invariant(_amqpPort), Invariant(_distPort), Invariant(_epmdPort));
            await Readiness.WaitAsync("RabbitMQ", _node, ConnectAsync, StartTimeout);
        }

        public async Task StopNodeAsync()
        {
            if (_node is not null)
                await _node.StopAsync(TimeSpan.FromSeconds(20));
        }

        public async ValueTask DisposeAsync()
        {
            if (_node is not null)
                await _node.DisposeAsync();
            if (_epmd is not null)
                await _epmd.DisposeAsync();
            TemporaryFolder.Delete(_folder);
        }

        private async Task ConnectAsync()
        {
            var factory = new ConnectionFactory { Uri = new Uri(ConnectionString) };
            await using var connection = await factory.CreateConnectionAsync();
        }

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
