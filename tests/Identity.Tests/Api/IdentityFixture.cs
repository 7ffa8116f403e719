using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Infrastructure.SigningKeys;
using ChatApp.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// The real Identity service on a real port with a private MariaDB and RabbitMQ, a tap on the
/// broker that sees every event it publishes, and a second service that trusts Identity's
/// tokens only through the published discovery document and JWKS, as Messaging does.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    private MariaDbServer? _database;
    private RabbitMqServer? _broker;
    private WebApplicationFactory<Program>? _identity;
    private WebApplication? _otherService;

    public Uri IdentityAddress { get; private set; } = null!;

    public Uri OtherServiceAddress { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public string BrokerConnectionString => _broker!.ConnectionString;

    /// <summary>The service's key-encryption key settings (DataProtection:*).</summary>
    public Dictionary<string, string> KeyEncryptionKeys { get; } = KeyEncryptionKeySettings.NewKey();

    public MariaDbServer DatabaseServer => _database!;

    public EventTap Events { get; private set; } = null!;

    public IServiceProvider IdentityServices => _identity!.Services;

    /// <summary>The key Identity seals sign-in codes under; the tests hold it as Notifications does.</summary>
    public static readonly string EventSealingKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>Opens sealed event fields as Notifications would.</summary>
    public EventSeal Seal { get; } = new(EventSealingKey);

    public async ValueTask InitializeAsync()
    {
        _database = await MariaDbServer.StartAsync();
        _broker = await RabbitMqServer.StartAsync();
        DatabaseConnectionString = await _database.CreateDatabaseAsync("identity");
        Events = await EventTap.StartAsync(_broker.ConnectionString, "UserRegistered", "SignInCodeRequested", "UserProfileChanged", "SessionsEnded", "UserKeysChanged");

        var port = FreePort.Next();
        IdentityAddress = new Uri($"http://127.0.0.1:{port}");
        var issuer = IdentityAddress.ToString().TrimEnd('/');
        _identity = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:identity-db", DatabaseConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", _broker.ConnectionString);
            web.UseSetting("Tokens:Issuer", issuer);
            foreach (var (key, value) in KeyEncryptionKeys)
                web.UseSetting(key, value);
            web.UseSetting(EventSealExtensions.KeySetting, EventSealingKey);
            web.UseSetting("ChatApp:PublishApiDocuments", "true");
            // A failing test sees a bare 500; the exception behind it is kept in ServerErrorLogProvider.LogFile.
            web.ConfigureLogging(logging => logging.AddProvider(new ServerErrorLogProvider()));
        });
        _identity.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        _identity.StartServer();

        _otherService = await StartOtherServiceAsync(issuer);
        OtherServiceAddress = new Uri(_otherService.Urls.First());
    }

    public IdentityClient NewClient() => new(IdentityAddress);

    public HttpClient OtherService() => new() { BaseAddress = OtherServiceAddress };

    public Task<MySqlConnection> OpenDatabaseAsync() => MariaDbServer.OpenConnectionAsync(DatabaseConnectionString);

    public Task RotateKeysAsync() => IdentityServices.GetRequiredService<SigningKeyRing>().RotateAsync(CancellationToken.None);

    public ValueTask DisposeAsync() =>
        Teardown.InOrderAsync(_otherService, _identity, Events, _broker, _database);

    /// <summary>A minimal service with a protected endpoint, configured exactly as the real services are.</summary>
    private static async Task<WebApplication> StartOtherServiceAsync(string issuer)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Tokens:Issuer"] = issuer;
        // Other tests send tokens with unknown keys at any moment; the rotation test must not wait out their refresh.
        builder.Configuration["Tokens:KeySetRefreshInterval"] = "00:00:01";
        builder.AddTokenAuthentication();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (HttpContext context) => context.User.GetUserId().ToString()).RequireAuthorization();
        await app.StartAsync();
        return app;
    }
}
