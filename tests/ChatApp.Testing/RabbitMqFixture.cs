using System.Diagnostics;
using Xunit;

namespace ChatApp.Testing;

/// <summary>
/// One RabbitMQ per test assembly (register with <c>[assembly: AssemblyFixture(typeof(RabbitMqFixture))]</c>).
/// Tests share it, so they must not stop it: an outage test starts a <see cref="RabbitMqServer"/> of its own.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private RabbitMqServer? _server;

    /// <summary>An amqp:// URI.</summary>
    public string ConnectionString => (_server ?? throw new InvalidOperationException("The fixture has not started.")).ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _server = await RabbitMqServer.StartAsync();
        TestContext.Current.SendDiagnosticMessage($"RabbitMQ for the tests ready in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
