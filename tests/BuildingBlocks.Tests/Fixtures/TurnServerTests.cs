using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChatApp.Testing;

namespace ChatApp.BuildingBlocks.Tests.Fixtures;

/// <summary>
/// What tests of voice calls rely on in the TURN server fixture: it answers STUN on loopback,
/// grants relays to TURN REST credentials signed with its secret (UDP and TCP), and refuses
/// expired or forged ones. The credentials are computed here, independently of the Calls service.
/// </summary>
public sealed class TurnServerTests : IAsyncLifetime
{
    private TurnServer? _server;

    private TurnServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() => _server = await TurnServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [Fact]
    public async Task It_answers_a_stun_binding_request_on_its_port_and_names_its_urls()
    {
        var mapped = await StunBinding.RequestAsync(Server.Host, Server.Port, TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Equal(IPAddress.Loopback, mapped.Address);
        Assert.Equal(
            [$"turn:127.0.0.1:{Server.Port}?transport=udp", $"turn:127.0.0.1:{Server.Port}?transport=tcp"],
            Server.Urls);
        Assert.Equal($"stun:127.0.0.1:{Server.Port}", Server.StunUrl);
    }

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task Valid_rest_credentials_get_a_relay(string transport)
    {
        var (username, password) = RestCredentials(Server.Secret, "user-1", DateTimeOffset.UtcNow.AddHours(1));

        var allocation = await TurnClient.TryAllocateAsync(Server, username, password, transport, TestContext.Current.CancellationToken);

        Assert.True(allocation.Succeeded, $"{allocation}\n--- server ---\n{Server.Output}");
    }

    [Fact]
    public async Task An_expired_username_is_refused()
    {
        var (username, password) = RestCredentials(Server.Secret, "user-1", DateTimeOffset.UtcNow.AddMinutes(-1));

        var allocation = await TurnClient.TryAllocateAsync(Server, username, password, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(allocation.Succeeded, allocation.ToString());
        Assert.Equal(255, allocation.ExitCode);
    }

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task A_password_not_signed_with_the_secret_is_refused(string transport)
    {
        var (username, _) = RestCredentials(Server.Secret, "user-1", DateTimeOffset.UtcNow.AddHours(1));
        var (_, forged) = RestCredentials("not-the-secret", "user-1", DateTimeOffset.UtcNow.AddHours(1));

        var allocation = await TurnClient.TryAllocateAsync(Server, username, forged, transport, TestContext.Current.CancellationToken);

        Assert.False(allocation.Succeeded, allocation.ToString());
        Assert.Equal(255, allocation.ExitCode);
    }

    [Fact]
    public async Task A_private_server_stops_when_disposed()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable(TurnServer.PortVariable) is { Length: > 0 },
            "The server is given from outside; the tests start none.");
        var server = await TurnServer.StartAsync();

        await server.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            StunBinding.RequestAsync(server.Host, server.Port, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
    }

    /// <summary>TURN REST API credentials (draft-uberti-behave-turn-rest): "EXPIRY:USER" and Base64(HMAC-SHA1(secret, username)).</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "The TURN REST API, and so coturn's use-auth-secret, is defined with HMAC-SHA1.")]
    private static (string Username, string Password) RestCredentials(string secret, string userId, DateTimeOffset expiry)
    {
        var username = string.Create(CultureInfo.InvariantCulture, $"{expiry.ToUnixTimeSeconds()}:{userId}");
        var password = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
        return (username, password);
    }
}
