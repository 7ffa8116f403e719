using Aspire.Hosting.Testing;
using MySqlConnector;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// Each service reaches the server the AppHost runs with a user of its own, whose rights end at
/// its own database: Calls, taken over, could not read Identity's accounts or remove another
/// service's data. Calls stands for the four; each gets its user the same way.
/// </summary>
public sealed class DatabaseUserTests(WholeSystemFixture system)
{
    [Fact]
    public async Task Calls_user_works_in_its_own_database_and_is_refused_another_services_tables()
    {
        await using var calls = await OpenAsync("calls-db");

        Assert.Equal("chatapp_calls", await ScalarAsync(calls, "SELECT DATABASE()"));
        Assert.NotNull(await ScalarAsync(calls, "SELECT COUNT(*) FROM calls"));
        var refusal = await Assert.ThrowsAsync<MySqlException>(() => ScalarAsync(calls, "SELECT COUNT(*) FROM chatapp_identity.users"));

        Assert.Contains(refusal.ErrorCode, new[] { MySqlErrorCode.TableAccessDenied, MySqlErrorCode.DatabaseAccessDenied });
    }

    [Theory]
    [InlineData("CREATE DATABASE chatapp_elsewhere")]
    // In GRANT, _ matches any character: a right on chatapp_calls written unescaped would cover this one.
    [InlineData("CREATE DATABASE chatappXcalls")]
    [InlineData("DROP DATABASE chatapp_identity")]
    [InlineData("USE chatapp_messaging")]
    public async Task Calls_user_may_not_create_drop_or_enter_another_database(string statement)
    {
        await using var calls = await OpenAsync("calls-db");

        var refusal = await Assert.ThrowsAsync<MySqlException>(() => ScalarAsync(calls, statement));

        Assert.Equal(MySqlErrorCode.DatabaseAccessDenied, refusal.ErrorCode);
    }

    [Fact]
    public async Task No_two_services_share_a_database_user()
    {
        List<string> users = [];
        foreach (var database in new[] { "identity-db", "messaging-db", "calls-db", "notifications-db" })
            users.Add(new MySqlConnectionStringBuilder(await system.App.GetConnectionStringAsync(database) ?? "").UserID);

        Assert.Equal(["chatapp_identity", "chatapp_messaging", "chatapp_calls", "chatapp_notifications"], users);
    }

    private async Task<MySqlConnection> OpenAsync(string database)
    {
        var connection = new MySqlConnection(await system.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
