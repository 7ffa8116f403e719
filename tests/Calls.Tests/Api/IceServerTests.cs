using System.Globalization;
using System.Net.Http.Json;
using ChatApp.Calls.Application.IceServers;
using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

/// <summary>The TURN credentials the API hands out work on a real coturn, and only while they are valid and unaltered.</summary>
public sealed class IceServerTests(CallsFixture fixture)
{
    [Fact]
    public async Task Credentials_from_the_api_allocate_a_relay_on_the_turn_server_over_udp_and_tcp()
    {
        var alice = await fixture.CreatePersonAsync();
        using var http = alice.Http();
        var before = DateTimeOffset.UtcNow;
        var answer = (await http.GetFromJsonAsync<IceServersView>("/ice-servers", CallsJson.Options))!;

        Assert.Equal([[fixture.Turn.StunUrl], [.. fixture.Turn.Urls]], answer.IceServers.Select(server => server.Urls));
        var turn = answer.IceServers[1];
        Assert.Null(answer.IceServers[0].Username);
        // username = expiry:userId, an hour from now by default.
        var expiry = long.Parse(turn.Username!.Split(':')[0], CultureInfo.InvariantCulture);
        Assert.Equal($"{expiry}:{alice.Id}", turn.Username);
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(expiry) - before, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.Equal(expiry, answer.ExpiresAt.ToUnixTimeSeconds());

        foreach (var transport in new[] { "udp", "tcp" })
        {
            var allocation = await TurnClient.TryAllocateAsync(fixture.Turn, turn.Username, turn.Credential!, transport);
            Assert.True(allocation.Succeeded, allocation.ToString());
        }
    }

    [Fact]
    public async Task Expired_or_forged_credentials_are_refused_by_the_turn_server()
    {
        var alice = await fixture.CreatePersonAsync();
        var expired = TurnCredentials.For(alice.Id, DateTimeOffset.UtcNow.AddMinutes(-1), fixture.Turn.Secret);
        var forged = TurnCredentials.For(alice.Id, DateTimeOffset.UtcNow.AddHours(1), "not-the-shared-secret-at-all");
        using var http = alice.Http();
        var real = (await http.GetFromJsonAsync<IceServersView>("/ice-servers", CallsJson.Options))!.IceServers[1];
        // A longer life written into a real username breaks its signature.
        var stretched = $"{DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds()}:{alice.Id}";

        foreach (var (username, password) in new[] { expired, forged, (stretched, real.Credential!) })
        {
            var allocation = await TurnClient.TryAllocateAsync(fixture.Turn, username, password);
            Assert.False(allocation.Succeeded, allocation.ToString());
        }
    }
}
