using Xunit;

namespace ChatApp.Testing;

/// <summary>
/// One MariaDB per test assembly (register with <c>[assembly: AssemblyFixture(typeof(MariaDbFixture))]</c>
/// and take it in a test class constructor). Each test creates its own database, so tests run in parallel.
/// </summary>
public sealed class MariaDbFixture : IAsyncLifetime
{
    private MariaDbServer? _server;

    public MariaDbServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public Task<string> CreateDatabaseAsync(string prefix = "test") => Server.CreateDatabaseAsync(prefix);

    public async ValueTask InitializeAsync() => _server = await MariaDbServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

/// <summary>One RabbitMQ per test assembly; tests that stop the broker start a <see cref="RabbitMqServer"/> of their own.</summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private RabbitMqServer? _server;

    public string ConnectionString => (_server ?? throw new InvalidOperationException("The fixture has not started.")).ConnectionString;

    public async ValueTask InitializeAsync() => _server = await RabbitMqServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
