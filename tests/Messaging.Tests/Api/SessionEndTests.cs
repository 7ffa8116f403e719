using System.Net.WebSockets;
using System.Text;
using ChatApp.Contracts;
using ChatApp.Messaging.Api.Hub;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Sessions Identity ended (<see cref="SessionsEnded"/>): the hub connections opened with a token
/// of one of them hear <see cref="IChatClient.SessionEnded"/> and are closed, on whichever replica
/// they are; the same person's other sessions carry on; a token of an ended session opens no
/// connection again; and the event is handled once.
/// </summary>
public sealed class SessionEndTests(MessagingFixture fixture)
{
    private const string RecordSeparator = "\u001e";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Connections_of_an_ended_session_are_told_and_closed_on_every_replica_and_another_session_carries_on()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var (phoneSession, laptopSession) = (Guid.NewGuid(), Guid.NewGuid());
        var phoneToken = fixture.Tokens.Issue(alice.Id, alice.Username, phoneSession);
        // The session's connections on both replicas (the event is handled by one of them), one a
        // browser's WebSocket read as it arrives; and the laptop, another session of Alice's.
        await using var phone = await ChatClient.ConnectAsync(alice, fixture.Primary, phoneToken);
        await using var phoneOnSecondary = await ChatClient.ConnectAsync(alice, fixture.Secondary, phoneToken);
        var (browser, browserMessages) = await BrowserAsync(fixture.Primary, phoneToken);
        using var browserSocket = browser;
        await using var laptop = await ChatClient.ConnectAsync(alice, fixture.Secondary, fixture.Tokens.Issue(alice.Id, alice.Username, laptopSession));
        await using var laptopOnPrimary = await ChatClient.ConnectAsync(alice, fixture.Primary, fixture.Tokens.Issue(alice.Id, alice.Username, laptopSession));
        var closed = new[] { phone.Connection.ClosedAsync(), phoneOnSecondary.Connection.ClosedAsync() };
        await phone.WatchPresenceAsync();
        await phoneOnSecondary.WatchPresenceAsync();

        await fixture.Events.PublishAsync(new SessionsEnded(alice.Id, [phoneSession], DateTimeOffset.UtcNow));

        await Task.WhenAll(closed).WaitAsync(Patience);
        await AssertToldAsync(phone, phoneSession);
        await AssertToldAsync(phoneOnSecondary, phoneSession);
        // What a browser receives: the invocation, then a close that does not invite an automatic reconnect.
        Assert.Equal(
            [$"{{\"type\":1,\"target\":\"SessionEnded\",\"arguments\":[{{\"sessionId\":\"{phoneSession}\"}}]}}{RecordSeparator}", $"{{\"type\":7}}{RecordSeparator}"],
            await browserMessages.WaitAsync(Patience));

        foreach (var other in new[] { laptop, laptopOnPrimary })
        {
            Assert.Equal(HubConnectionState.Connected, other.Connection.State);
            Assert.Empty(other.SessionsEnded);
            // Still served: the watchers see Alice online (her laptop), and calls are answered.
            Assert.Contains(await other.WatchPresenceAsync(), presence => presence.UserId == alice.Id && presence.Online);
        }
    }

    [Fact]
    public async Task A_token_of_an_ended_session_opens_no_connection_again_and_is_told_why()
    {
        var bob = await fixture.CreateUserAsync("Bob");
        var awaySession = Guid.NewGuid();
        var awayToken = fixture.Tokens.Issue(bob.Id, bob.Username, awaySession);

        // Ended while the device was away (or the device reconnects with the token it still holds).
        await fixture.Events.PublishAsync(new SessionsEnded(bob.Id, [awaySession, Guid.NewGuid()], DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => await EndedSessionRowsAsync(bob.Id) == 2, Patience, () => "The ended sessions were never recorded.");

        foreach (var replica in new[] { fixture.Primary, fixture.Secondary })
        {
            ChatClient? device = null;
            try
            {
                device = await ChatClient.ConnectAsync(bob, replica, awayToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or WebSocketException or InvalidOperationException)
            {
                // Closed before the start finished: as good, though then it cannot show what it heard.
            }

            if (device is not null)
            {
                await using (device)
                {
                    await Eventually.HoldsAsync(() => device.Connection.State == HubConnectionState.Disconnected, Patience,
                        () => "The connection of an ended session stayed open.");
                    await AssertToldAsync(device, awaySession);
                }
            }
        }

        var (browser, browserMessages) = await BrowserAsync(fixture.Primary, awayToken);
        using var browserSocket = browser;
        Assert.Equal(
            [$"{{\"type\":1,\"target\":\"SessionEnded\",\"arguments\":[{{\"sessionId\":\"{awaySession}\"}}]}}{RecordSeparator}", $"{{\"type\":7}}{RecordSeparator}"],
            await browserMessages.WaitAsync(Patience));

        // A new sign-in is a new session: that one connects and stays.
        await using var fresh = await ChatClient.ConnectAsync(bob, fixture.Primary, fixture.Tokens.Issue(bob.Id, bob.Username, Guid.NewGuid()));
        await fresh.WatchPresenceAsync();
        Assert.Equal(HubConnectionState.Connected, fresh.Connection.State);
    }

    [Fact]
    public async Task An_event_delivered_twice_is_handled_once()
    {
        var carol = await fixture.CreateUserAsync("Carol");
        var (ended, other) = (Guid.NewGuid(), Guid.NewGuid());
        await using var tablet = await ChatClient.ConnectAsync(carol, fixture.Primary, fixture.Tokens.Issue(carol.Id, carol.Username, ended));
        await using var desktop = await ChatClient.ConnectAsync(carol, fixture.Secondary, fixture.Tokens.Issue(carol.Id, carol.Username, other));
        var tabletClosed = tablet.Connection.ClosedAsync();
        // Redeliveries are recognised (and logged) by the inbox in front of every handler.
        using var logs = new LogWatch("ChatApp.BuildingBlocks.Eventing.Inbox");
        var sessionsEnded = new SessionsEnded(carol.Id, [ended], DateTimeOffset.UtcNow);

        var messageId = await fixture.Events.PublishAsync(sessionsEnded);
        await tabletClosed.WaitAsync(Patience);
        await fixture.Events.PublishAsync(sessionsEnded, messageId);
        // The broker redelivering it is indistinguishable from this: same id, whatever it carries.
        await fixture.Events.PublishAsync(sessionsEnded with { SessionIds = [other] }, messageId);

        await Eventually.HoldsAsync(() => logs.Lines.Count(line => line.Contains($"{messageId} was already handled", StringComparison.Ordinal)) == 2,
            Patience, () => "The redeliveries were not recognised.");
        await AssertToldAsync(tablet, ended);
        Assert.Equal(HubConnectionState.Connected, desktop.Connection.State);
        Assert.Empty(desktop.SessionsEnded);
        await desktop.WatchPresenceAsync();
        Assert.Equal(1, await EndedSessionRowsAsync(carol.Id));
        await using var connection = await fixture.OpenDatabaseAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
    }

    [Fact]
    public async Task A_connection_whose_replica_missed_the_announcement_is_ended_by_the_sweep()
    {
        var dora = await fixture.CreateUserAsync("Dora");
        var session = Guid.NewGuid();
        await using var phone = await ChatClient.ConnectAsync(dora, fixture.Secondary, fixture.Tokens.Issue(dora.Id, dora.Username, session));
        var phoneClosed = phone.Connection.ClosedAsync();

        // As if the replica that handled the event had been cut off from Redis: the session is
        // recorded as ended, and no replica heard of it.
        await using (var connection = await fixture.OpenDatabaseAsync())
            await connection.ExecuteAsync("INSERT INTO ended_sessions (session_id, user_id, ended_at) VALUES (@session, @userId, UTC_TIMESTAMP(6))",
                new { session, userId = dora.Id });

        await phoneClosed.WaitAsync(SignalRSessionConnections.SweepInterval + TimeSpan.FromSeconds(10));
        await AssertToldAsync(phone, session);
    }

    private async Task<long> EndedSessionRowsAsync(Guid userId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ended_sessions WHERE user_id = @userId", new { userId });
    }

    /// <summary>
    /// A WebSocket to the hub as a browser opens it (the token in the query string), past SignalR's
    /// JSON handshake; returns the socket and the messages it receives until it is closed, pings left out.
    /// </summary>
    private static async Task<(ClientWebSocket Socket, Task<IReadOnlyList<string>> Messages)> BrowserAsync(MessagingReplica replica, string token)
    {
        var socket = new ClientWebSocket();
        var address = new UriBuilder(replica.HubAddress) { Scheme = "ws", Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;
        await socket.ConnectAsync(address, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        return (socket, ReadUntilClosedAsync(socket));
    }

    /// <summary>Each message with its record separator, however the frames cut them; the first is the handshake answer.</summary>
    private static async Task<IReadOnlyList<string>> ReadUntilClosedAsync(ClientWebSocket socket)
    {
        var text = new StringBuilder();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
                break;
            text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }

        var messages = text.ToString().Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries).Select(message => message + RecordSeparator).ToList();
        Assert.Equal("{}" + RecordSeparator, messages.FirstOrDefault());
        return [.. messages.Skip(1).Where(message => !message.Contains("\"type\":6", StringComparison.Ordinal))];
    }

    /// <summary>
    /// The device heard exactly that its session ended. Waited for: the client may report the
    /// connection closed before the handler of the push that came just before the close has run.
    /// </summary>
    private static async Task AssertToldAsync(ChatClient device, Guid session)
    {
        await Eventually.HoldsAsync(() => !device.SessionsEnded.IsEmpty, Patience, () => "The device was never told its session ended.");
        Assert.Equal([new SessionEndedView(session)], device.SessionsEnded);
    }
}
