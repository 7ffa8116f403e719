using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.Contracts;
using ChatApp.Testing;
using Dapper;
using MassTransit;
using MySqlConnector;

namespace ChatApp.Calls.Tests.Support;

/// <summary>
/// Two replicas of the real Calls service, each on its own port, sharing a private MariaDB,
/// RabbitMQ and Redis, as two replicas behind the gateway would. People come into being the way
/// they do in the system: a <see cref="UserRegistered"/> event through the broker. Calls ring for
/// <see cref="RingFor"/> here (30 s in production) so a missed call takes seconds; a lost device
/// has the production grace of 15 s.
/// </summary>
public sealed class CallsFixture : IAsyncLifetime
{
    public static readonly TimeSpan RingFor = TimeSpan.FromSeconds(3);

    private MariaDbServer? _database;
    private RabbitMqServer? _broker;
    private RedisServer? _redis;

    public TurnServer Turn { get; private set; } = null!;

    public TestTokenIssuer Tokens { get; } = new();

    public CallsReplica Primary { get; private set; } = null!;

    public CallsReplica Secondary { get; private set; } = null!;

    public EventPublisher Events { get; private set; } = null!;

    /// <summary>What Calls published, as the broker saw it.</summary>
    public EventTap Published { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var database = MariaDbServer.StartAsync();
        var broker = RabbitMqServer.StartAsync();
        var redis = RedisServer.StartAsync();
        var turn = TurnServer.StartAsync();
        _database = await database;
        _broker = await broker;
        _redis = await redis;
        Turn = await turn;
        DatabaseConnectionString = await _database.CreateDatabaseAsync("calls");
        Events = await EventPublisher.ConnectAsync(_broker.ConnectionString);
        Published = await EventTap.StartAsync(_broker.ConnectionString, nameof(CallMissed), nameof(CallEnded));

        Primary = CallsReplica.Start(Settings(), Tokens);
        Secondary = CallsReplica.Start(Settings(), Tokens);
        await Task.WhenAll(Primary.WaitUntilReadyAsync(), Secondary.WaitUntilReadyAsync());
        await BrokerQueues.WaitForConsumersAsync(_broker.ConnectionString, ["calls-remember-user", "calls-update-user-names"]);
    }

    /// <summary>The settings a replica runs with; a test may start one of its own with them.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["ConnectionStrings:calls-db"] = DatabaseConnectionString,
        ["ConnectionStrings:rabbitmq"] = _broker!.ConnectionString,
        ["ConnectionStrings:redis"] = _redis!.ConnectionString,
        ["Calls:RingFor"] = RingFor.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Calls:DeadlineScanInterval"] = "00:00:00.250",
        ["Calls:AllowedOrigins:0"] = "http://localhost:5080",
        ["Turn:Urls:0"] = Turn.Urls[0],
        ["Turn:Urls:1"] = Turn.Urls[1],
        ["Turn:StunUrls:0"] = Turn.StunUrl,
        ["Turn:Secret"] = Turn.Secret,
        ["ChatApp:PublishApiDocuments"] = "true",
    };

    /// <summary>A new person, known to Calls once their <see cref="UserRegistered"/> event has been handled.</summary>
    public async Task<Person> CreatePersonAsync(string? displayName = null)
    {
        var id = Guid.CreateVersion7();
        var username = "u" + id.ToString("N")[^12..];
        var person = new Person(id, username, displayName ?? username, this);
        await Events.PublishAsync(new UserRegistered(id, username, person.DisplayName, $"{username}@example.com", "en", DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () =>
        {
            await using var connection = await OpenDatabaseAsync();
            return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE id = @id", new { id }) == 1;
        }, TimeSpan.FromSeconds(30), () => $"Calls did not learn of {username}.");
        return person;
    }

    public Task<MySqlConnection> OpenDatabaseAsync() => MariaDbServer.OpenConnectionAsync(DatabaseConnectionString);

    public ValueTask DisposeAsync() =>
        Teardown.InOrderAsync(Secondary, Primary, Published, Events, Tokens, _redis, Turn, _broker, _database);
}
