using System.Net.Http.Json;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;
using StackExchange.Redis;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Who is online, kept in Redis and shared by both replicas: online with the first connection,
/// offline with a last-seen time when the last one goes (or its replica dies), and typing indicators.
/// </summary>
public sealed class PresenceTests(MessagingFixture fixture)
{
    // The fixture's Presence:ConnectionLifetime and Presence:RenewInterval.
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_user_is_online_while_any_connection_is_open_and_goes_offline_with_a_last_seen_time_when_the_last_closes()
    {
        var watcherUser = await fixture.CreateUserAsync("Watcher");
        var xavier = await fixture.CreateUserAsync("Xavier");
        await using var watcher = await watcherUser.ConnectAsync(fixture.Primary);
        await watcher.WatchPresenceAsync();

        var laptop = await xavier.ConnectAsync(fixture.Primary);
        var online = await ChatClient.WaitForAsync(watcher.Presence, p => p.UserId == xavier.Id, "Xavier coming online");
        Assert.Equal((true, xavier.Username, "Xavier", (DateTimeOffset?)null), (online.Online, online.Username, online.DisplayName, online.LastSeenAt));

        // A second device, on the other replica, opens and closes: Xavier stays online.
        var phone = await xavier.ConnectAsync(fixture.Secondary);
        await WaitForConnectionsAsync(xavier, 2);
        await phone.DisposeAsync();
        await WaitForConnectionsAsync(xavier, 1);
        Assert.Contains(xavier.Id, (await OnlineAsync(watcherUser, fixture.Primary)).Select(p => p.UserId));

        var closing = DateTimeOffset.UtcNow;
        await laptop.DisposeAsync();
        var offline = await ChatClient.WaitForAsync(watcher.Presence, p => p.UserId == xavier.Id && !p.Online, "Xavier going offline");
        Assert.NotNull(offline.LastSeenAt);
        Assert.InRange(offline.LastSeenAt.Value, closing.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal([true, false], watcher.Presence.Where(p => p.UserId == xavier.Id).Select(p => p.Online));
        Assert.Equal(offline.LastSeenAt.Value.UtcDateTime, (await fixture.KnownUserAsync(xavier.Id))!.LastSeenAt);
        Assert.DoesNotContain(xavier.Id, (await OnlineAsync(watcherUser, fixture.Secondary)).Select(p => p.UserId));
    }

    [Fact]
    public async Task The_online_list_of_one_replica_shows_people_connected_to_the_other()
    {
        var ursula = await fixture.CreateUserAsync("Ursula");
        var yann = await fixture.CreateUserAsync("Yann");
        await using var yannPhone = await yann.ConnectAsync(fixture.Secondary);

        await Eventually.HoldsAsync(async () => (await OnlineAsync(ursula, fixture.Primary)).Any(p => p.UserId == yann.Id),
            TimeSpan.FromSeconds(10), () => "GET /presence on the primary never listed Yann, connected to the secondary.");
        var listed = Assert.Single(await OnlineAsync(ursula, fixture.Primary), p => p.UserId == yann.Id);
        Assert.Equal((yann.Username, "Yann", true), (listed.Username, listed.DisplayName, listed.Online));

        await using var ursulaLaptop = await ursula.ConnectAsync(fixture.Primary);
        var answer = await ursulaLaptop.WatchPresenceAsync();
        Assert.Contains(answer, p => p.UserId == yann.Id && p.Online && p.DisplayName == "Yann");
    }

    [Fact]
    public async Task The_users_of_a_replica_that_dies_without_closing_their_connections_go_offline_through_another_replicas_heartbeat_unless_connected_elsewhere()
    {
        var watcherUser = await fixture.CreateUserAsync("Watcher");
        var zoe = await fixture.CreateUserAsync("Zoe");
        var yara = await fixture.CreateUserAsync("Yara");
        // The doomed replica reaches the shared Redis through a relay, so it can die for Redis
        // (crash, partition) without saying goodbye, while everyone else still reaches it.
        await using var relay = TcpRelay.To(fixture.Redis.ConnectionString.Split(',')[0]);
        var settings = fixture.Settings();
        settings["ConnectionStrings:redis"] = $"127.0.0.1:{relay.Port},{fixture.Redis.ConnectionString.Split(',', 2)[1]}";
        var doomed = MessagingReplica.Start(settings, fixture.Tokens);
        try
        {
            await doomed.WaitUntilReadyAsync();
            await using var watcher = await watcherUser.ConnectAsync(fixture.Primary);
            await watcher.WatchPresenceAsync();
            await using var zoePhone = await zoe.ConnectAsync(doomed);
            await ChatClient.WaitForAsync(watcher.Presence, p => p.UserId == zoe.Id && p.Online, "Zoe coming online");
            // Yara has a device on the doomed replica and one on the primary.
            await using var yaraPhone = await yara.ConnectAsync(doomed);
            var yaraLaptop = await yara.ConnectAsync(fixture.Primary);
            await ChatClient.WaitForAsync(watcher.Presence, p => p.UserId == yara.Id && p.Online, "Yara coming online");

            relay.Cut();
            var died = DateTimeOffset.UtcNow;

            var offline = await ChatClient.WaitForAsync(watcher.Presence, p => p.UserId == zoe.Id && !p.Online, "Zoe going offline");
            var took = DateTimeOffset.UtcNow - died;
            // Her connection was last renewed at most one interval before the death; it expires a
            // lifetime after that, and the primary's next beat notices.
            Assert.True(took < ConnectionLifetime + RenewInterval + TimeSpan.FromSeconds(3), $"Zoe went offline {took} after her replica died.");
            Assert.NotNull(offline.LastSeenAt);
            Assert.DoesNotContain(zoe.Id, (await OnlineAsync(watcherUser, fixture.Primary)).Select(p => p.UserId));
            Assert.Equal([true, false], watcher.Presence.Where(p => p.UserId == zoe.Id).Select(p => p.Online));

            // Her dead device expired with Zoe's; her laptop keeps her online, until it closes.
            Assert.Equal([true], watcher.Presence.Where(p => p.UserId == yara.Id).Select(p => p.Online));
            Assert.Contains(yara.Id, (await OnlineAsync(watcherUser, fixture.Primary)).Select(p => p.UserId));
            await yaraLaptop.DisposeAsync();
            await ChatClient.WaitForAsync(watcher.Presence, p => p.UserId == yara.Id && !p.Online, "Yara going offline");
            Assert.Equal([true, false], watcher.Presence.Where(p => p.UserId == yara.Id).Select(p => p.Online));
        }
        finally
        {
            await doomed.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_connection_closing_while_the_heartbeat_renews_it_does_not_bring_its_user_back_online()
    {
        // The heartbeat renews the connections it read a moment ago; one of them may close in
        // between. This is that interleaving, step by step, on the real store.
        var store = fixture.Primary.Get<IPresenceStore>();
        var userId = Guid.NewGuid();
        var connectionId = $"test-{Guid.NewGuid():N}";
        Assert.Equal(ConnectionAdmission.First, await store.AddConnectionAsync(userId, connectionId));
        IReadOnlyCollection<(Guid, string)> heartbeatSnapshot = [(userId, connectionId)];

        Assert.True(await store.RemoveConnectionAsync(userId, connectionId));
        var cameBack = await store.RenewAsync(heartbeatSnapshot);

        Assert.Empty(cameBack);
        Assert.Empty(await store.WhichAreOnlineAsync([userId]));
        Assert.DoesNotContain(userId, await store.OnlineUsersAsync());
    }

    [Fact]
    public async Task Typing_reaches_the_other_members_but_not_the_typist()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var aliceLaptop = await alice.ConnectAsync(fixture.Primary);
        await using var alicePhone = await alice.ConnectAsync(fixture.Secondary);
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        var first = await aliceLaptop.SendDirectAsync(bob.Id, "envelope-hello");

        var announced = await aliceLaptop.AnnounceTypingAsync(first.ConversationId);

        var seen = await ChatClient.WaitForAsync(bobPhone.Typing, t => t.ConversationId == first.ConversationId, "typing for Bob");
        Assert.Equal((alice.Id, announced.Until), (seen.UserId, seen.Until));
        Assert.InRange(seen.Until, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow + AnnounceTyping.ShownFor);

        // Bob answers; once Alice's devices have his message, a typing push to them would have come before it.
        var reply = await bobPhone.SendAsync(first.ConversationId, "envelope-reply");
        await ChatClient.WaitForAsync(aliceLaptop.Received, m => m.ClientMessageId == reply.ClientMessageId, "Bob's reply on Alice's laptop");
        await ChatClient.WaitForAsync(alicePhone.Received, m => m.ClientMessageId == reply.ClientMessageId, "Bob's reply on Alice's phone");
        Assert.Empty(aliceLaptop.Typing);
        Assert.Empty(alicePhone.Typing);
    }

    [Fact]
    public async Task Typing_in_a_conversation_one_is_not_in_is_refused()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        var mallory = await fixture.CreateUserAsync("Mallory");
        await using var alicePhone = await alice.ConnectAsync();
        await using var malloryPhone = await mallory.ConnectAsync();
        var first = await alicePhone.SendDirectAsync(bob.Id, "envelope-private");

        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => malloryPhone.AnnounceTypingAsync(first.ConversationId));
        // SignalR puts its own words before a HubException's message; the stable code follows "HubException: ".
        Assert.Contains("HubException: not-found:", refused.Message, StringComparison.Ordinal);
    }

    private async Task WaitForConnectionsAsync(TestUser user, long count)
    {
        var redis = fixture.Primary.Get<IConnectionMultiplexer>().GetDatabase();
        var key = new RedisKey($"chatapp:presence:user:{user.Id:N}");
        await Eventually.HoldsAsync(async () => await redis.SortedSetLengthAsync(key) == count,
            TimeSpan.FromSeconds(10), () => $"{user} never had {count} connection(s) in the presence store.");
    }

    private static async Task<IReadOnlyList<PresenceView>> OnlineAsync(TestUser asker, MessagingReplica replica)
    {
        using var http = asker.Http(replica);
        return (await http.GetFromJsonAsync<IReadOnlyList<PresenceView>>(new Uri("/presence", UriKind.Relative)))!;
    }
}
