namespace ChatApp.AppHost.LocalServers;

/// <summary>
/// The MySQL server every service keeps its own database on, as a server-level connection string
/// (no <c>Database=</c>), and the resource that runs it when the AppHost runs one.
/// </summary>
internal sealed class MySqlServer(IDistributedApplicationBuilder builder, ReferenceExpression serverConnectionString, IResourceBuilder<IResource>? server)
{
    /// <summary>
    /// A connection-string resource for one service's database; the service creates the database
    /// itself. Services that reference it wait until the server answers queries.
    /// </summary>
    public IResourceBuilder<ConnectionStringResource> AddDatabase(string resourceName, string databaseName)
    {
        var database = builder.AddConnectionString(resourceName, ReferenceExpression.Create($"{serverConnectionString};Database={databaseName}"));
        return server is null ? database : database.WaitFor(server);
    }
}
