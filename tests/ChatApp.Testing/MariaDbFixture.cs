using System.Diagnostics;
using Xunit;

namespace ChatApp.Testing;

/// <summary>
/// One MySQL server per test assembly (register with <c>[assembly: AssemblyFixture(typeof(MariaDbFixture))]</c>
/// and take it in a test class constructor). Each test creates its own database, so tests run in parallel.
/// </summary>
public sealed class MariaDbFixture : IAsyncLifetime
{
    private MariaDbServer? _server;

    public MariaDbServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc cref="MariaDbServer.CreateDatabaseAsync"/>
    public Task<string> CreateDatabaseAsync(string prefix = "test") => Server.CreateDatabaseAsync(prefix);

    /// <inheritdoc cref="MariaDbServer.CreateUserForAsync"/>
    public Task<string> CreateUserForAsync(string database) => Server.CreateUserForAsync(database);

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _server = await MariaDbServer.StartAsync();
        TestContext.Current.SendDiagnosticMessage($"MySQL for the tests ready in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
