using System.Net.Http.Headers;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Notifications.Application.Events;
using ChatApp.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace ChatApp.Notifications.Tests.Support;

/// <summary>
/// The real Notifications service on a real port with a private MariaDB, RabbitMQ and a
/// recording SMTP server; events go in through the broker as MassTransit would put them there.
/// Retries are fast here (0.2 s doubling to 1 s, five attempts) so outages fit in a test.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    public const int MaxAttempts = 5;

    /// <summary>The queues of the service's event handlers, named as they must stay (events waiting in them at an upgrade).</summary>
    public static readonly string[] ConsumerQueues =
    [
        "notifications-welcome-new-user", "notifications-update-recipient-profile", "notifications-send-sign-in-code",
        "notifications-send-missed-call-email", "notifications-send-unread-digest",
    ];

    private MariaDbServer? _database;
    private RabbitMqServer? _broker;
    private WebApplicationFactory<Program>? _service;
    private readonly TestTokenIssuer _tokens = new();

    public RecordingSmtpServer Smtp { get; private set; } = null!;

    public EventPublisher Events { get; private set; } = null!;

    public LogCollector Logs { get; } = new();

    public MetricRecorder Metrics { get; } = new();

    public string DatabaseConnectionString { get; private set; } = "";

    public string BrokerConnectionString => _broker!.ConnectionString;

    public MariaDbServer DatabaseServer => _database!;

    public Uri ServiceAddress { get; private set; } = null!;

    public IServiceProvider Services => _service!.Services;

    public async ValueTask InitializeAsync()
    {
        var database = MariaDbServer.StartAsync();
        var broker = RabbitMqServer.StartAsync();
        _database = await database;
        _broker = await broker;
        DatabaseConnectionString = await _database.CreateDatabaseAsync("notifications");
        Smtp = RecordingSmtpServer.Start();
        Events = await EventPublisher.ConnectAsync(_broker.ConnectionString);

        var port = FreePort.Next();
        ServiceAddress = new Uri($"http://127.0.0.1:{port}");
        _service = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in ServiceSettings(DatabaseConnectionString, _broker.ConnectionString, Smtp.Port))
                web.UseSetting(key, value);
            web.ConfigureLogging(logging => logging.AddProvider(Logs));
            web.ConfigureServices(_tokens.TrustIn);
        });
        _service.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        _service.StartServer();
        await WaitForConsumerQueuesAsync(_broker.ConnectionString);
    }

    /// <summary>The settings the service runs with here; the stop tests start a process with the same ones.</summary>
    public static Dictionary<string, string> ServiceSettings(string database, string broker, int smtpPort) => new(KeyEncryptionKeySettings.NewKey())
    {
        ["ConnectionStrings:notifications-db"] = database,
        ["ConnectionStrings:rabbitmq"] = broker,
        [EventSealExtensions.KeySetting] = SignInCodes.Key,
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "chatapp@chatapp.test",
        ["Email:PublicAddress"] = "http://localhost:5080",
        ["Email:FirstRetryDelay"] = "00:00:00.200",
        ["Email:MaxRetryDelay"] = "00:00:01",
        ["Email:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:PollInterval"] = "00:00:00.200",
        ["ChatApp:PublishApiDocuments"] = "true",
    };

    public string TokenFor(Guid userId) => _tokens.Issue(userId, "user" + userId.ToString("N")[..8]);

    public HttpClient Client(Guid? userId = null)
    {
        var client = new HttpClient { BaseAddress = ServiceAddress };
        if (userId is { } id)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(id));
        return client;
    }

    public Task<MySqlConnection> OpenDatabaseAsync() => MariaDbServer.OpenConnectionAsync(DatabaseConnectionString);

    public ValueTask DisposeAsync() =>
        Teardown.InOrderAsync(_service, Events, Smtp, Metrics, _tokens, _broker, _database);

    /// <summary>Events published before the service has bound its queues would go nowhere.</summary>
    public static Task WaitForConsumerQueuesAsync(string brokerUri) => BrokerQueues.WaitForConsumersAsync(brokerUri, ConsumerQueues);
}
