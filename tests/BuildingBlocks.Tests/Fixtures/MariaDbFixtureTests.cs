using ChatApp.Testing;
using Dapper;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Tests.Fixtures;

/// <summary>What tests rely on in the MySQL fixture: a database of their own, and no server left behind.</summary>
public sealed class MariaDbFixtureTests(MariaDbFixture database)
{
    [Fact]
    public async Task Each_created_database_is_a_separate_one_named_by_its_connection_string()
    {
        var first = await database.CreateDatabaseAsync("isolation");
        var second = await database.CreateDatabaseAsync("isolation");
        await using (var connection = new MySqlConnection(first))
            await connection.ExecuteAsync("CREATE TABLE only_in_first (id INT)");

        await using var other = new MySqlConnection(second);
        Assert.Equal(new MySqlConnectionStringBuilder(second).Database, await other.ExecuteScalarAsync<string>("SELECT DATABASE()"));
        Assert.NotEqual(first, second);
        Assert.Equal(0, await other.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'only_in_first'"));
    }

    [Fact]
    public async Task A_database_prefix_that_could_break_out_of_the_name_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => database.CreateDatabaseAsync("x`; DROP DATABASE mysql; --"));
    }

    [Fact]
    public async Task A_private_server_stops_and_leaves_no_data_behind_when_disposed()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable(MariaDbServer.EnvironmentVariable) is { Length: > 0 },
            "The server is given from outside; the tests start none.");
        var server = await MariaDbServer.StartAsync();
        string dataDirectory;
        await using (var connection = new MySqlConnection(server.ServerConnectionString))
            dataDirectory = await connection.ExecuteScalarAsync<string>("SELECT @@datadir") ?? "";

        await server.DisposeAsync();

        await Assert.ThrowsAsync<MySqlException>(async () =>
        {
            await using var connection = new MySqlConnection(server.ServerConnectionString);
            await connection.OpenAsync();
        });
        // A container's data directory is not on this machine; a local server's is, until disposed.
        if (dataDirectory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
            Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} is still there.");
    }
}
