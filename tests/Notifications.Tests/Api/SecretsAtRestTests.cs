using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using ChatApp.BuildingBlocks.Secrets;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Domain;
using ChatApp.Notifications.Infrastructure.Signing;
using ChatApp.Notifications.Tests.Support;
using ChatApp.Testing;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace ChatApp.Notifications.Tests.Api;

/// <summary>
/// Someone who reads the Notifications database finds neither the key that signs unsubscribe
/// links nor the keys that would decrypt it, so cannot unsubscribe anyone; the links still work,
/// old ones too after a key stored in clear by an earlier version has been encrypted.
/// </summary>
public sealed class SecretsAtRestTests(NotificationsFixture fixture)
{
    private const string UnsubscribeKeyName = "unsubscribe-links";

    [Fact]
    public async Task The_database_holds_no_unsubscribe_key_yet_the_links_signed_with_it_work()
    {
        var user = await fixture.RegisterAsync("Secretive");
        var link = await fixture.Services.GetRequiredService<IUnsubscribeLinks>().CreateAsync(user.Id, EmailList.All, CancellationToken.None);
        var key = await fixture.Services.GetRequiredService<SecretStore>().GetAsync(UnsubscribeKeyName, CancellationToken.None);
        // The key the service holds is the one that signs the links.
        var token = WebEncoders.Base64UrlDecode(link.Split("token=")[1]);
        Assert.Equal(HMACSHA256.HashData(key, token.AsSpan(0, 17))[..16], token[17..]);

        await using (var db = await fixture.OpenDatabaseAsync())
        {
            var (value, isProtected) = await db.QuerySingleAsync<(byte[], bool)>("SELECT value, is_protected FROM secrets WHERE name = @UnsubscribeKeyName", new { UnsubscribeKeyName });
            Assert.True(isProtected);
            Assert.True(value.AsSpan().IndexOf(key) < 0, "The unsubscribe key is in the database in clear.");
            var ring = (await db.QueryAsync<string>("SELECT xml FROM data_protection_keys")).Select(XElement.Parse).ToList();
            Assert.NotEmpty(ring);
            Assert.All(ring, entry => Assert.DoesNotContain("masterKey", entry.ToString(), StringComparison.Ordinal));
            Assert.All(ring.SelectMany(entry => entry.Descendants(KeyEncryptionKeys.EnvelopeName)), envelope => Assert.Equal("test", KeyEncryptionKeys.KeyIdOf(envelope)));
        }

        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(new Uri(link).PathAndQuery.Replace("/api/notifications", "", StringComparison.Ordinal), null)).StatusCode);
    }

    [Fact]
    public async Task A_key_stored_in_clear_before_is_encrypted_at_the_next_start_and_its_links_keep_working()
    {
        // A broker of its own: a second service on the fixture's would take the fixture's events.
        await using var broker = await RabbitMqServer.StartAsync();
        await using var smtp = RecordingSmtpServer.Start();
        var database = await fixture.DatabaseServer.CreateDatabaseAsync("notifications_clear");
        var settings = NotificationsFixture.ServiceSettings(database, broker.ConnectionString, smtp.Port);
        var userId = Guid.NewGuid();
        string link;
        byte[] key;
        await using (var before = Start(settings))
        {
            link = await before.Services.GetRequiredService<IUnsubscribeLinks>().CreateAsync(userId, EmailList.MissedCalls, CancellationToken.None);
            key = await before.Services.GetRequiredService<SecretStore>().GetAsync(UnsubscribeKeyName, CancellationToken.None);
        }

        // Back to how the previous version stored it: in clear, and no key ring yet.
        await using (var db = new MySqlConnection(database))
        {
            await db.ExecuteAsync("UPDATE secrets SET value = @key, is_protected = FALSE WHERE name = @UnsubscribeKeyName", new { key, UnsubscribeKeyName });
            await db.ExecuteAsync("DELETE FROM data_protection_keys");
        }

        await using var after = Start(settings);

        await using (var db = new MySqlConnection(database))
        {
            var (value, isProtected) = await db.QuerySingleAsync<(byte[], bool)>("SELECT value, is_protected FROM secrets WHERE name = @UnsubscribeKeyName", new { UnsubscribeKeyName });
            Assert.True(isProtected);
            Assert.True(value.AsSpan().IndexOf(key) < 0, "The unsubscribe key is still in the database in clear.");
        }

        Assert.Equal((userId, EmailList.MissedCalls), await after.Services.GetRequiredService<IUnsubscribeLinks>().ReadAsync(link.Split("token=")[1], CancellationToken.None));
    }

    private static WebApplicationFactory<Program> Start(Dictionary<string, string> settings)
    {
        var service = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
                web.UseSetting(key, value);
        });
        service.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, FreePort.Next()));
        service.StartServer();
        return service;
    }
}
