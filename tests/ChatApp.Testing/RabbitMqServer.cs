using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ChatApp.Testing;

/// <summary>
/// A RabbitMQ broker for tests, reached by an amqp:// URI: the one named by CHATAPP_TEST_RABBITMQ,
/// else a private node (with its own epmd) on free ports in a temporary folder, else a Testcontainers
/// container. A private node can be stopped and started again on the same ports and data, for outage tests.
/// </summary>
public sealed class RabbitMqServer : TestServer
{
    public const string EnvironmentVariable = "CHATAPP_TEST_RABBITMQ";
    private const int AmqpPort = 5672;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static readonly Kind RabbitMq = new(
        "RabbitMQ", EnvironmentVariable, Executable: "/usr/lib/rabbitmq/bin/rabbitmq-server", Package: "rabbitmq-server",
        () => new LocalNode(), NewContainer, ContainerUri);

    private RabbitMqServer(Origin origin)
        : base(origin)
    {
    }

    public static async Task<RabbitMqServer> StartAsync() => new(await FindOrStartAsync(RabbitMq));

    /// <summary>Stops a private node (an outage), keeping its data and ports.</summary>
    public Task StopAsync() => StopPrivateAsync();

    /// <summary>Starts a stopped private node again, on the same ports and data.</summary>
    public Task StartAgainAsync() => StartPrivateAgainAsync();

    private static async Task ConnectAsync(string uri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
    }

    /// <summary>A private node: an epmd and a rabbitmq-server through eng/servers/rabbitmq.sh.</summary>
    private sealed class LocalNode : LocalServer
    {
        private readonly int _amqpPort;
        private readonly int _distPort;
        private readonly int _epmdPort;
        private ServerProcess? _epmd;

        public LocalNode()
            : base("RabbitMQ")
        {
            var ports = FreePort.Next(3);
            (_amqpPort, _distPort, _epmdPort) = (ports[0], ports[1], ports[2]);
        }

        public override string ConnectionString => $"amqp://guest:guest@127.0.0.1:{_amqpPort}/";

        protected override async Task StartAsync()
        {
            _epmd = ServerProcess.Start(null, "epmd", "-port", Invariant(_epmdPort), "-address", "127.0.0.1");
            await base.StartAsync();
        }

        protected override ServerProcess StartProcess() =>
            RunScript("rabbitmq.sh", Invariant(_amqpPort), Invariant(_distPort), Invariant(_epmdPort));

        protected override Task WaitUntilReadyAsync(ServerProcess process) =>
            Readiness.WaitAsync(Name, process, () => ConnectAsync(ConnectionString), StartTimeout);

        public override async ValueTask DisposeAsync()
        {
            // The node first: it is epmd's client.
            await StopServerAsync();
            if (_epmd is not null)
                await _epmd.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    private static IContainer NewContainer() =>
        // The image lets guest in from outside the container (loopback_users.guest = false).
        new ContainerBuilder("rabbitmq:3")
            .WithPortBinding(AmqpPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new AcceptsAmqp(), wait => wait.WithTimeout(ContainerStartTimeout)))
            .Build();

    private static string ContainerUri(IContainer container) =>
        $"amqp://guest:guest@{container.Hostname}:{container.GetMappedPublicPort(AmqpPort)}/";

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
}
