using System.Globalization;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using MySqlConnector;

namespace ChatApp.Testing;

/// <summary>
/// A MySQL-compatible server for tests: the one named by CHATAPP_TEST_MYSQL, else a private
/// MariaDB started on a free port in a temporary folder, else a Testcontainers MariaDB. Its
/// connection string is an admin's, who may create databases and users; tests get a user per database.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "CHATAPP_TEST_MYSQL";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    // An image pull comes first on a fresh machine.
    private static readonly TimeSpan ContainerStartTimeout = TimeSpan.FromMinutes(5);
    private readonly Func<ValueTask> _dispose;

    private MariaDbServer(string serverConnectionString, Func<ValueTask> dispose)
    {
        ServerConnectionString = serverConnectionString;
        _dispose = dispose;
    }

    /// <summary>The admin's connection string, naming no database.</summary>
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

    /// <summary>
    /// Creates a fresh, uniquely named database and a user of its own, as the AppHost gives each
    /// service, and returns the connection string of that user.
    /// </summary>
    /// <param name="prefix">The start of the name (letters, digits, underscores; at most 31), to tell tests' databases apart.</param>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        if (prefix.Length is 0 or > 31 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException("A database prefix holds 1 to 31 letters, digits or underscores.", nameof(prefix));
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE `{name}`");
        return await CreateUserForAsync(name);
    }

    /// <summary>
    /// A new user whose rights end at <paramref name="database"/> (which need not exist yet: the
    /// user may create it, as a service's migrations do), and its connection string.
    /// </summary>
    public async Task<string> CreateUserForAsync(string database)
    {
        if (database.Length is 0 or > 64 || !database.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException("A database name holds 1 to 64 letters, digits or underscores.", nameof(database));
        // Short enough for MySQL's 32-character user names too.
        var user = $"test_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        await ExecuteAsync($"CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'");
        // In GRANT, _ matches any character: escaped, the right covers this database alone.
        await ExecuteAsync($"GRANT ALL PRIVILEGES ON `{database.Replace("_", "\\_", StringComparison.Ordinal)}`.* TO '{user}'@'%'");
        return new MySqlConnectionStringBuilder(ServerConnectionString) { Database = database, UserID = user, Password = password }.ConnectionString;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _dispose();

    private static async Task<MariaDbServer> StartLocalAsync()
    {
        // A server that exits at once lost its port to another test run's server between the
        // check and the bind (several test projects start servers side by side): start it again on another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartLocalOnceAsync();
            }
            catch (ServerExitedException) when (attempt < 3)
            {
                // Retried on a fresh port and folder.
            }
        }
    }

    private static async Task<MariaDbServer> StartLocalOnceAsync()
    {
        var folder = TemporaryFolder.Create("mariadb");
        var port = FreePort.Next();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var process = ServerProcess.Start(folder, "bash", RepositoryRoot.Script("eng/servers/mariadb.sh"), Path.Combine(folder, "data"), port.ToString(CultureInfo.InvariantCulture), password);
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
        try
        {
            await Readiness.WaitAsync("MariaDB", process, () => PingAsync(connectionString), StartTimeout);
        }
        catch (InvalidOperationException ex)
        {
            var installLog = Path.Combine(folder, "data", "install.log");
            var diagnosis = $"{ex.Message}\n--- install.log ---\n{(File.Exists(installLog) ? await File.ReadAllTextAsync(installLog) : "(none)")}";
            var exited = process.HasExited;
            // The caller gets no server to dispose, so nothing may be left behind.
            await server.DisposeAsync();
            throw exited ? new ServerExitedException(diagnosis, ex) : new InvalidOperationException(diagnosis, ex);
        }
        return server;
    }

    private sealed class ServerExitedException(string message, Exception inner) : Exception(message, inner);

    private static async Task<MariaDbServer> StartContainerAsync()
    {
        // The same major version as Debian 12's mariadb-server, which the local path runs. The module's
        // own wait runs a `mysql` client inside the container, which MariaDB 11 images no longer ship
        // (testcontainers-dotnet#941: it waits forever), so readiness is a SELECT 1 from here instead.
        var container = new Testcontainers.MySql.MySqlBuilder("mariadb:10.11")
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new AnswersSelectOne(), wait => wait.WithTimeout(ContainerStartTimeout)))
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
        return new MariaDbServer(RootConnectionString(container), container.DisposeAsync);
    }

    /// <summary>As root: the services create their own databases, which the module's user may not.</summary>
    private static string RootConnectionString(Testcontainers.MySql.MySqlContainer container) =>
        new MySqlConnectionStringBuilder(container.GetConnectionString()) { Database = "", UserID = "root" }.ConnectionString;

    private sealed class AnswersSelectOne : IWaitUntil
    {
        public async Task<bool> UntilAsync(IContainer container)
        {
            try
            {
                // The image's entrypoint initialises behind --skip-networking, so TCP answers only from the real server.
                await PingAsync(RootConnectionString((Testcontainers.MySql.MySqlContainer)container));
                return true;
            }
            catch (Exception ex) when (ex is MySqlException or IOException or System.Net.Sockets.SocketException)
            {
                // Not listening yet, or docker-proxy accepted and then dropped the connection.
                return false;
            }
        }
    }

    private static async Task PingAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }
}
