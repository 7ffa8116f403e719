using Microsoft.Extensions.Configuration;

namespace ChatApp.AppHost.LocalServers;

/// <summary>
/// The MySQL server every service keeps its own database on, and the resource that runs it when
/// the AppHost runs one. On a server the AppHost runs, each database gets a user of its own (see
/// <see cref="DatabaseUser"/>), which the server's setup creates with rights on that database only.
/// </summary>
internal sealed class MySqlServer
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly IResourceBuilder<IResourceWithEndpoints>? _server;
    private readonly ReferenceExpression? _existingServer;
    private readonly List<DatabaseUser> _users = [];

    private MySqlServer(IDistributedApplicationBuilder builder, IResourceBuilder<IResourceWithEndpoints>? server, ReferenceExpression? existingServer)
    {
        _builder = builder;
        _server = server;
        _existingServer = existingServer;
    }

    /// <summary>A server the AppHost runs, listening on its <c>tcp</c> endpoint.</summary>
    public static MySqlServer Running(IDistributedApplicationBuilder builder, IResourceBuilder<IResourceWithEndpoints> server) => new(builder, server, null);

    /// <summary>A server that exists already, given as a server-level connection string (no <c>Database=</c>).</summary>
    public static MySqlServer Existing(IDistributedApplicationBuilder builder, ReferenceExpression serverConnectionString) => new(builder, null, serverConnectionString);

    /// <summary>The users of the databases added so far; the server's setup creates them.</summary>
    public IReadOnlyList<DatabaseUser> Users => _users;

    /// <summary>
    /// A connection-string resource for one service's database; the service creates the database
    /// itself (its user may). Services that reference it wait until the server answers queries
    /// with every service's credentials.
    /// On an existing server, <c>ConnectionStrings:{resourceName}</c> (the service's own user,
    /// which the operator created) is taken if set; else the server's connection string with
    /// <c>Database=</c> added, which shares the server's user among the services.
    /// </summary>
    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string resourceName, string databaseName)
    {
        if (_server is null)
        {
            return _builder.Configuration.GetConnectionString(resourceName) is { Length: > 0 }
                ? _builder.AddConnectionString(resourceName)
                : _builder.AddConnectionString(resourceName, ReferenceExpression.Create($"{_existingServer!};Database={databaseName}"));
        }

        // Letters and digits only: the server's setup puts it into SQL. Kept in user secrets, like mariadb-password.
        var password = _builder.AddParameter($"{resourceName}-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var user = new DatabaseUser(databaseName, password.Resource);
        _users.Add(user);
        return _builder.AddConnectionString(resourceName, user.ConnectionString(_server.GetEndpoint("tcp"))).WaitFor(_server);
    }
}

/// <summary>
/// The user a service connects with: named after its database, with rights on that database only,
/// so a service that is broken into reads and changes its own data and no other service's.
/// </summary>
internal sealed record DatabaseUser(string Database, ParameterResource Password)
{
    public string Name => Database;

    /// <summary>
    /// The database as GRANT reads it: there <c>_</c> matches any one character, so it is escaped,
    /// and the right covers this database and no look-alike (chatapp_calls, not chatappXcalls).
    /// </summary>
    public string GrantPattern => Database.Replace("_", "\\_", StringComparison.Ordinal);

    public ReferenceExpression ConnectionString(EndpointReference endpoint) =>
        ReferenceExpression.Create(
            $"Server=127.0.0.1;Port={endpoint.Property(EndpointProperty.Port)};User ID={Name};Password={Password};Database={Database}");
}
