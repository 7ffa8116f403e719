using System.Globalization;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ChatApp.Testing;

/// <summary>
/// A RabbitMQ broker for tests: the one named by CHATAPP_TEST_RABBITMQ, else a private node
/// (with its own epmd) on free ports in a temporary folder, else a Testcontainers container.
/// A private node can be stopped and started again on the same ports and data, for outage tests.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "CHATAPP_TEST_RABBITMQ";
    private const int AmqpPort = 5672;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    // An image pull comes first on a fresh machine.
    private static readonly TimeSpan ContainerStartTimeout = TimeSpan.FromMinutes(5);

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
            try
            {
                await node.StartAsync();
            }
            catch
            {
                // The caller gets no server to dispose, so nothing may be left behind.
                await node.DisposeAsync();
                throw;
            }
            return new RabbitMqServer(node.ConnectionString, node, null);
        }
        if (ContainerEngine.IsAvailable())
        {
            // The image lets guest in from outside the container (loopback_users.guest = false).
            var container = new ContainerBuilder("rabbitmq:3")
                .WithPortBinding(AmqpPort, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new AcceptsAmqp(), wait => wait.WithTimeout(ContainerStartTimeout)))
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
            return new RabbitMqServer(ContainerUri(container), null, container.DisposeAsync);
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

    private static string ContainerUri(IContainer container) =>
        $"amqp://guest:guest@{container.Hostname}:{container.GetMappedPublicPort(AmqpPort)}/";

    private static async Task ConnectAsync(string uri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
    }

    private sealed class AcceptsAmqp : IWaitUntil
    {
        public async Task<bool> UntilAsync(IContainer container)
        {
            try
            {
                await ConnectAsync(ContainerUri(container));
                return true;
            }
            catch (BrokerUnreachableException)
            {
                return false;
            }
        }
    }

    private static InvalidOperationException NotPrivate() =>
        new("Only a broker the tests started themselves can be stopped and restarted.");

    /// <summary>A private node: an epmd and a rabbitmq-server through eng/servers/rabbitmq.sh.</summary>
    private sealed class LocalNode : IAsyncDisposable
    {
        public const string ServerPath = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        private readonly string _folder = TemporaryFolder.Create("rabbitmq");
        private readonly int _amqpPort;
        private readonly int _distPort;
        private readonly int _epmdPort;
        private ServerProcess? _epmd;
        private ServerProcess? _node;

        public LocalNode()
        {
            var ports = FreePort.Next(3);
            (_amqpPort, _distPort, _epmdPort) = (ports[0], ports[1], ports[2]);
        }

        public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{_amqpPort}/";

        public async Task StartAsync()
        {
            _epmd = ServerProcess.Start(null, "epmd", "-port", Invariant(_epmdPort), "-address", "127.0.0.1");
            await StartNodeAsync();
        }

        public async Task StartNodeAsync()
        {
            if (_node is not null)
                throw new InvalidOperationException("The broker is running; stop it first.");
            _node = ServerProcess.Start(_folder, "bash", RepositoryRoot.Script("eng/servers/rabbitmq.sh"),
                Path.Combine(_folder, "data"), Invariant(_amqpPort), Invariant(_distPort), Invariant(_epmdPort));
            await Readiness.WaitAsync("RabbitMQ", _node, () => ConnectAsync(ConnectionString), StartTimeout);
        }

        public async Task StopNodeAsync()
        {
            if (_node is not null)
                await _node.DisposeAsync();
            _node = null;
        }

        public async ValueTask DisposeAsync()
        {
            if (_node is not null)
                await _node.DisposeAsync();
            if (_epmd is not null)
                await _epmd.DisposeAsync();
            TemporaryFolder.Delete(_folder);
        }

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
