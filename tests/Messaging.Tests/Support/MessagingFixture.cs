using System.Globalization;
using System.Net.Http.Headers;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.Contracts;
using ChatApp.Messaging.Application.Sessions;
using ChatApp.Messaging.Application.Users;
using ChatApp.Testing;
using Dapper;
using MassTransit;
using MySqlConnector;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>
/// Two replicas of the real Messaging service, each on its own port, sharing a private MariaDB,
/// RabbitMQ and Redis, as two replicas behind the gateway would. Users come into being the way
/// they do in the system: a <see cref="UserRegistered"/> event through the broker.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    /// <summary>Digests are due quickly here, so the digest test fits in seconds.</summary>
    public static readonly TimeSpan DigestAfter = TimeSpan.FromSeconds(2);

    private MariaDbServer? _database;
    private RabbitMqServer? _broker;

    public TestTokenIssuer Tokens { get; } = new();

    public RedisServer Redis { get; private set; } = null!;

    public MessagingReplica Primary { get; private set; } = null!;

    public MessagingReplica Secondary { get; private set; } = null!;

    public EventPublisher Events { get; private set; } = null!;

    public EventTap Published { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public string BrokerConnectionString => _broker!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var database = MariaDbServer.StartAsync();
        var broker = RabbitMqServer.StartAsync();
        var redis = RedisServer.StartAsync();
        _database = await database;
        _broker = await broker;
        Redis = await redis;
        DatabaseConnectionString = await _database.CreateDatabaseAsync("messaging");
        Events = await EventPublisher.ConnectAsync(_broker.ConnectionString);
        Published = await EventTap.StartAsync(_broker.ConnectionString, nameof(UnreadMessagesWaiting));

        Primary = MessagingReplica.Start(Settings(), Tokens);
        Secondary = MessagingReplica.Start(Settings(), Tokens);
        await Task.WhenAll(Primary.WaitUntilReadyAsync(), Secondary.WaitUntilReadyAsync());
        await BrokerQueues.WaitForConsumersAsync(_broker.ConnectionString, ["messaging-remember-user", "messaging-update-user-names", "messaging-end-sessions"]);
    }

    /// <summary>The settings a replica runs with; a test may start one of its own with changes.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["ConnectionStrings:messaging-db"] = DatabaseConnectionString,
        ["ConnectionStrings:rabbitmq"] = _broker!.ConnectionString,
        ["ConnectionStrings:redis"] = Redis.ConnectionString,
        ["Messaging:DigestAfter"] = DigestAfter.ToString("c", CultureInfo.InvariantCulture),
        ["Messaging:DigestScanInterval"] = "00:00:00.500",
        ["Presence:RenewInterval"] = "00:00:01",
        ["Presence:ConnectionLifetime"] = "00:00:03",
        ["Messaging:AllowedOrigins:0"] = "http://localhost:5080",
        ["ChatApp:PublishApiDocuments"] = "true",
    };

    /// <summary>A new user, known to Messaging once its <see cref="UserRegistered"/> event has been handled.</summary>
    public async Task<TestUser> CreateUserAsync(string? displayName = null)
    {
        var id = Guid.CreateVersion7();
        var username = "u" + id.ToString("N")[^12..];
        var user = new TestUser(id, username, displayName ?? username, this);
        await Events.PublishAsync(new UserRegistered(id, username, user.DisplayName, $"{username}@example.com", "en", DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await KnownUserAsync(id)) is not null, TimeSpan.FromSeconds(30),
            () => $"Messaging did not learn of user {username}.");
        return user;
    }

    public async Task<UserRow?> KnownUserAsync(Guid id)
    {
        await using var connection = await OpenDatabaseAsync();
        return await connection.QuerySingleOrDefaultAsync<UserRow>(
            "SELECT id, username, display_name, last_seen_at FROM users WHERE id = @id", new { id });
    }

    public Task<MySqlConnection> OpenDatabaseAsync() => MariaDbServer.OpenConnectionAsync(DatabaseConnectionString);

    public HttpClient Http(TestUser user, MessagingReplica? replica = null)
    {
        var client = new HttpClient { BaseAddress = (replica ?? Primary).Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(user.Id, user.Username));
        return client;
    }

    public ValueTask DisposeAsync() =>
        Teardown.InOrderAsync(Secondary, Primary, Published, Events, Tokens, Redis, _broker, _database);
}

/// <summary>A row of Messaging's user projection.</summary>
public sealed record UserRow(Guid Id, string Username, string DisplayName, DateTime? LastSeenAt);
