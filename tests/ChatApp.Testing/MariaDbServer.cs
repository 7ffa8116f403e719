using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using MySqlConnector;
using Testcontainers.MySql;

namespace ChatApp.Testing;

/// <summary>
/// A MySQL-compatible server for tests: the one named by CHATAPP_TEST_MYSQL, else a private
/// MariaDB started on a free port in a temporary folder, else a Testcontainers MariaDB. Its
/// connection string is an admin's, naming no database, who may create databases and users;
/// tests get a user per database.
/// </summary>
public sealed class MariaDbServer : TestServer
{
    public const string EnvironmentVariable = "CHATAPP_TEST_MYSQL";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static readonly Kind MySql = new(
        "MySQL server", EnvironmentVariable, Executable: "mariadbd", Package: "mariadb-server",
        () => new LocalMariaDb(), NewContainer, container => RootConnectionString((MySqlContainer)container));

    private MariaDbServer(Origin origin)
        : base(origin)
    {
    }

    public static async Task<MariaDbServer> StartAsync() => new(await FindOrStartAsync(MySql));

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
        return new MySqlConnectionStringBuilder(ConnectionString) { Database = database, UserID = user, Password = password }.ConnectionString;
    }

    /// <summary>An open connection with <paramref name="connectionString"/> (one <see cref="CreateDatabaseAsync"/> gave, say).</summary>
    public static async Task<MySqlConnection> OpenConnectionAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync(ConnectionString);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task PingAsync(string connectionString)
    {
        await using var connection = await OpenConnectionAsync(connectionString);
        await using var command = new MySqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }

    private sealed class LocalMariaDb() : LocalServer("MariaDB")
    {
        private readonly int _port = FreePort.Next();
        private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

        public override string ConnectionString => new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1",
            Port = (uint)_port,
            UserID = "chatapp",
            Password = _password,
            MaximumPoolSize = 200,
        }.ConnectionString;

        protected override ServerProcess StartProcess() => RunScript("mariadb.sh", Invariant(_port), _password);

        protected override async Task WaitUntilReadyAsync(ServerProcess process)
        {
            try
            {
                await Readiness.WaitAsync(Name, process, () => PingAsync(ConnectionString), StartTimeout);
            }
            catch (InvalidOperationException ex)
            {
                var installLog = Path.Combine(DataFolder, "install.log");
                throw new InvalidOperationException(
                    $"{ex.Message}\n--- install.log ---\n{(File.Exists(installLog) ? await File.ReadAllTextAsync(installLog) : "(none)")}", ex);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            MySqlConnection.ClearAllPools();
            await base.DisposeAsync();
        }
    }

    private static MySqlContainer NewContainer() =>
        // The same major version as Debian 12's mariadb-server, which the local path runs. The module's
        // own wait runs a `mysql` client inside the container, which MariaDB 11 images no longer ship
        // (testcontainers-dotnet#941: it waits forever), so readiness is a SELECT 1 from here instead.
        new MySqlBuilder("mariadb:10.11")
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new AnswersSelectOne(), wait => wait.WithTimeout(ContainerStartTimeout)))
            .Build();

    /// <summary>As root: the services create their own databases, which the module's user may not.</summary>
    private static string RootConnectionString(MySqlContainer container) =>
        new MySqlConnectionStringBuilder(container.GetConnectionString()) { Database = "", UserID = "root" }.ConnectionString;

    private sealed class AnswersSelectOne : IWaitUntil
    {
        public async Task<bool> UntilAsync(IContainer container)
        {
            try
            {
                // The image's entrypoint initialises behind --skip-networking, so TCP answers only from the real server.
                await PingAsync(RootConnectionString((MySqlContainer)container));
                return true;
            }
            catch (Exception ex) when (ex is MySqlException or IOException or System.Net.Sockets.SocketException)
            {
                // Not listening yet, or docker-proxy accepted and then dropped the connection.
                return false;
            }
        }
    }
}
