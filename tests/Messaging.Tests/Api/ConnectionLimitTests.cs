using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// One person holds at most Presence:MaxConnectionsPerPerson (20) hub connections, counted across
/// both replicas; the next is closed with a reason, and room made by closing one is room again.
/// </summary>
public sealed class ConnectionLimitTests(MessagingFixture fixture)
{
    private const int MaxConnectionsPerPerson = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_person_holds_at_most_the_allowed_connections_across_replicas_and_the_next_is_refused_with_a_reason()
    {
        var zed = await fixture.CreateUserAsync("Zed");
        var held = new List<ChatClient>();
        HubConnection? again = null;
        try
        {
            for (var i = 0; i < MaxConnectionsPerPerson; i++)
                held.Add(await zed.ConnectAsync(i % 2 == 0 ? fixture.Primary : fixture.Secondary));
            Assert.All(held, device => Assert.Equal(HubConnectionState.Connected, device.Connection.State));

            var refusal = await RefusalAsync(zed, fixture.Secondary);
            Assert.Contains("too-many-connections:", refusal.Message, StringComparison.Ordinal);

            // Nobody else is held back by Zed's connections.
            var yves = await fixture.CreateUserAsync("Yves");
            await using (var yvesPhone = await yves.ConnectAsync(fixture.Secondary))
                Assert.Equal(HubConnectionState.Connected, yvesPhone.Connection.State);

            // Closing a tab makes room (once its replica has recorded the goodbye).
            await held[0].DisposeAsync();
            held.RemoveAt(0);
            await Eventually.HoldsAsync(async () => (again = await AdmittedAsync(zed, fixture.Primary)) is not null,
                Patience, () => "A connection was still refused after one of the twenty closed");
        }
        finally
        {
            foreach (var device in held)
                await device.DisposeAsync();
            if (again is not null)
                await again.DisposeAsync();
        }
    }

    /// <summary>Connects; the connection if the server kept it (a round trip answered), else null (closed and disposed).</summary>
    private static async Task<HubConnection?> AdmittedAsync(TestUser user, MessagingReplica replica)
    {
        var connection = Connection(user, replica);
        var closed = connection.ClosedAsync();
        await connection.StartAsync();
        var roundTrip = connection.InvokeAsync("UnwatchPresence");
        if (await Task.WhenAny(roundTrip, closed) == roundTrip && roundTrip.IsCompletedSuccessfully)
            return connection;
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Connects, and returns the error the server closed the connection with.</summary>
    private static async Task<Exception> RefusalAsync(TestUser user, MessagingReplica replica)
    {
        await using var connection = Connection(user, replica);
        var closed = connection.ClosedAsync();
        await connection.StartAsync();
        return await closed.WaitAsync(Patience) ?? throw new InvalidOperationException("The connection closed without an error.");
    }

    private static HubConnection Connection(TestUser user, MessagingReplica replica) =>
        new HubConnectionBuilder()
            .WithUrl(replica.HubAddress, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.Fixture.Tokens.Issue(user.Id, user.Username));
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
}
