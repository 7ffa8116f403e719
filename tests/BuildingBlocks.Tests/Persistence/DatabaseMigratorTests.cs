using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Tests.Persistence;

/// <summary>
/// Start-up migrations against a real MariaDB, as a service's own user (rights on its database
/// only, as the AppHost sets it up): creating the database, reruns, and replicas racing.
/// </summary>
public sealed class DatabaseMigratorTests(MariaDbFixture database)
{
    [Fact]
    public async Task Creates_a_missing_database_and_applies_every_migration()
    {
        var connectionString = await database.CreateUserForAsync($"fresh_{Guid.NewGuid():N}");

        await Migrator(connectionString).MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationCount, await AppliedMigrationsAsync(connectionString));
        Assert.True(await TableExistsAsync(connectionString, "outbox_messages"));
        Assert.True(await TableExistsAsync(connectionString, "inbox_messages"));
        Assert.True(await TableExistsAsync(connectionString, "handled_events"));
    }

    [Fact]
    public async Task Running_again_changes_nothing()
    {
        var connectionString = await database.CreateUserForAsync($"rerun_{Guid.NewGuid():N}");
        await Migrator(connectionString).MigrateAsync(CancellationToken.None);

        await Migrator(connectionString).MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationCount, await AppliedMigrationsAsync(connectionString));
    }

    [Fact]
    public async Task Replicas_starting_together_apply_each_migration_once()
    {
        var connectionString = await database.CreateUserForAsync($"race_{Guid.NewGuid():N}");
        using var start = new SemaphoreSlim(0);
        var replicas = Enumerable.Range(0, 4).Select(async _ =>
        {
            await start.WaitAsync();
            await Migrator(connectionString).MigrateAsync(CancellationToken.None);
        }).ToList();

        start.Release(replicas.Count);
        await Task.WhenAll(replicas);

        Assert.Equal(MigrationCount, await AppliedMigrationsAsync(connectionString));
        Assert.True(await TableExistsAsync(connectionString, "outbox_messages"));
        Assert.True(await TableExistsAsync(connectionString, "handled_events"));
    }

    /// <summary>The shared outbox/inbox migration plus this assembly's test table.</summary>
    private const int MigrationCount = 2;

    private static DatabaseMigrator Migrator(string connectionString) =>
        new(connectionString, [typeof(DatabaseMigrator).Assembly, typeof(DatabaseMigratorTests).Assembly], NullLogger<DatabaseMigrator>.Instance);

    private static async Task<int> AppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM VersionInfo");
    }

    private static async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new MySqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @table", new { table }) == 1;
    }
}
