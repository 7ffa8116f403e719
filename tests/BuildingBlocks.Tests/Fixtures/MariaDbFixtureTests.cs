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
    public async Task Each_created_database_has_a_user_of_its_own_refused_every_other_database()
    {
        var mine = await database.CreateDatabaseAsync("own_user");
        var theirs = await database.CreateDatabaseAsync("own_user");
        var theirDatabase = new MySqlConnectionStringBuilder(theirs).Database;
        await using (var connection = new MySqlConnection(theirs))
            await connection.ExecuteAsync("CREATE TABLE secrets (id INT)");
        await using var own = new MySqlConnection(mine);

        await own.ExecuteAsync("CREATE TABLE mine (id INT)");
        Assert.NotEqual(new MySqlConnectionStringBuilder(mine).UserID, new MySqlConnectionStringBuilder(theirs).UserID);
        var read = await Assert.ThrowsAsync<MySqlException>(() => own.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM `{theirDatabase}`.secrets"));
        Assert.Equal(MySqlErrorCode.TableAccessDenied, read.ErrorCode);
        var drop = await Assert.ThrowsAsync<MySqlException>(() => own.ExecuteAsync($"DROP DATABASE `{theirDatabase}`"));
        Assert.Equal(MySqlErrorCode.DatabaseAccessDenied, drop.ErrorCode);
        // _ in a GRANT matches any character; the right is on this name alone.
        var lookAlike = new MySqlConnectionStringBuilder(mine).Database.Replace("own_user", "ownXuser", StringComparison.Ordinal);
        var create = await Assert.ThrowsAsync<MySqlException>(() => own.ExecuteAsync($"CREATE DATABASE `{lookAlike}`"));
        Assert.Equal(MySqlErrorCode.DatabaseAccessDenied, create.ErrorCode);
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
        await using (var connection = new MySqlConnection(server.ConnectionString))
            dataDirectory = await connection.ExecuteScalarAsync<string>("SELECT @@datadir") ?? "";

        await server.DisposeAsync();

        await Assert.ThrowsAsync<MySqlException>(async () =>
        {
            await using var connection = new MySqlConnection(server.ConnectionString);
            await connection.OpenAsync();
        });
        // A container's data directory is not on this machine; a local server's is, until disposed.
        if (dataDirectory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
            Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} is still there.");
    }
}
