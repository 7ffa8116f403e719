using MySqlConnector;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>The service's own MySQL database: its connection string and a pooled data source.</summary>
public sealed class ServiceDatabase(MySqlDataSource dataSource)
{
    public MySqlDataSource DataSource { get; } = dataSource;

    public string DatabaseName { get; } = new MySqlConnectionStringBuilder(dataSource.ConnectionString).Database;

    public ValueTask<MySqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        DataSource.OpenConnectionAsync(cancellationToken);
}
