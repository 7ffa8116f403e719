using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// Another Identity service, on the fixture's broker and a database the test chooses, with the
/// key-encryption keys the test chooses: stopped and started again to see what survives a restart.
/// </summary>
public sealed class IdentityReplica : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _service;

    private IdentityReplica(IdentityFixture identity, string databaseConnectionString, IReadOnlyDictionary<string, string> keyEncryptionKeys)
    {
        var port = FreePort.Next();
        Address = new Uri($"http://127.0.0.1:{port}");
        _service = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:identity-db", databaseConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", identity.BrokerConnectionString);
            // One issuer for every replica: a token from one is valid at the next, as in a deployment.
            web.UseSetting("Tokens:Issuer", "http://identity-replica.test");
            foreach (var (key, value) in keyEncryptionKeys)
                web.UseSetting(key, value);
            web.UseSetting(EventSealExtensions.KeySetting, IdentityFixture.EventSealingKey);
        });
        _service.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
    }

    public Uri Address { get; }

    public T Get<T>() where T : notnull => _service.Services.GetRequiredService<T>();

    /// <summary>Starts it; throws what made its start-up fail.</summary>
    public static IdentityReplica Start(IdentityFixture identity, string databaseConnectionString, IReadOnlyDictionary<string, string> keyEncryptionKeys)
    {
        var replica = new IdentityReplica(identity, databaseConnectionString, keyEncryptionKeys);
        try
        {
            replica._service.StartServer();
            return replica;
        }
        catch
        {
            replica._service.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
