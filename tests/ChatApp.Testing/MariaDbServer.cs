using System.Security.Cryptography;
using MySqlConnector;

namespace ChatApp.Testing;

/// <summary>
/// A MySQL-compatible server for tests: the one named by CHATAPP_TEST_MYSQL, else a private
/// MariaDB started on a free port in a temporary folder, else a Testcontainers MariaDB.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "CHATAPP_TEST_MYSQL";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Func<ValueTask> _dispose;

    private MariaDbServer(string serverConnectionString, Func<ValueTask> dispose)
    {
        ServerConnectionString = serverConnectionString;
        _dispose = dispose;
    }

    /// <summary>A connection string naming no database.</summary>
    public string ServerConnectionString { get; }

    public static async Task<MariaDbServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
            return new MariaDbServer(given, () => ValueTask.CompletedTask);
        if (LocalExecutable.Exists("mariadbd"))
            return await StartLocalAsync();
        if (ContainerEngine.IsAvailable())
            return await StartContainerAsync();
        throw new InvalidOperationException(
            $"No MySQL server for the tests: set {EnvironmentVariable}, install the mariadb-server package (./test.sh does), or run a Docker engine.");
    }

    /// <summary>A connection string for <paramref name="database"/> on this server; creates nothing.</summary>
    public string ConnectionStringFor(string database) =>
        new MySqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 64)];
        await using var connection = new MySqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}`", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public ValueTask DisposeAsync() => _dispose();

    private static async Task<MariaDbServer> StartLocalAsync()
    {
        var folder = TemporaryFolder.Create("mariadb");
        var port = FreePort.Next();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var process = ServerProcess.Start("bash", RepositoryRoot.Script("eng/servers/mariadb.sh"), Path.Combine(folder, "data"), port.ToString(System.Globalization.CultureInfo.InvariantCulture), password);
        var connectionString = new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1",
            Port = (uint)port,
            UserID = "chatapp",
            Password = password,
            MaximumPoolSize = 200,
        }.ConnectionString;

        var server = new MariaDbServer(connectionString, async () =>
        {
            MySqlConnection.ClearAllPools();
            await process.DisposeAsync();
            TemporaryFolder.Delete(folder);
        });
        await Readiness.WaitAsync("MariaDB", process, () => PingAsync(connectionString), StartTimeout);
        return server;
    }

    private static async Task<MariaDbServer> StartContainerAsync()
    {
        var container = new Testcontainers.MySql.MySqlBuilder("mariadb:11").Build();
        await container.StartAsync();
        var connectionString = new MySqlConnectionStringBuilder(container.GetConnectionString()) { Database = "", UserID = "root" }.ConnectionString;
        return new MariaDbServer(connectionString, container.DisposeAsync);
    }

    private static async Task PingAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }
}
