using System.Diagnostics;
using System.Net.Http.Json;
using ChatApp.Messaging.Api;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Infrastructure.Presence;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;
using Dapper;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Redis (presence and the backplane) going away: messages are still stored and answered, reads
/// work, and once it is back presence is repaired by the heartbeat and pushes flow again.
/// A Redis and a replica of its own: the shared ones serve the other tests meanwhile.
/// </summary>
public sealed class OutageTests(MessagingFixture fixture)
{
    // Well under StackExchange.Redis's 5 s default timeout, well over a send's usual milliseconds.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2.5);

    [Fact]
    public async Task While_redis_is_down_messages_are_stored_and_read_and_afterwards_presence_and_pushes_recover()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var replica = StartReplica(redis);
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        var carol = await fixture.CreateUserAsync("Carol");
        await replica.WaitUntilReadyAsync();
        await using var carolLaptop = await ChatClient.ConnectAsync(carol, replica);
        await carolLaptop.WatchPresenceAsync();
        await using var alicePhone = await ChatClient.ConnectAsync(alice, replica);
        await using var bobPhone = await ChatClient.ConnectAsync(bob, replica);
        await ChatClient.WaitForAsync(carolLaptop.Presence, p => p.UserId == bob.Id && p.Online, "Bob online");
        var before = await alicePhone.SendDirectAsync(bob.Id, "envelope-before");
        var direct = before.ConversationId;
        await ChatClient.WaitForAsync(bobPhone.Received, m => m.ClientMessageId == before.ClientMessageId, "the first message for Bob");

        await redis.StopAsync();

        // Sending still stores the message and answers the sender, over the hub and over REST.
        var (during1, during2) = (Envelopes.Direct(alice.Id, bob.Id, "envelope-during-1"), Envelopes.Direct(alice.Id, bob.Id, "envelope-during-2"));
        var timer = Stopwatch.StartNew();
        var during = await alicePhone.SendBodyAsync(direct, during1);
        var hubSendTook = timer.Elapsed;
        using var aliceHttp = alice.Http(replica);
        using var posted = await aliceHttp.PostAsJsonAsync(new Uri($"/conversations/{direct}/messages", UriKind.Relative),
            new NewMessageRequest(Guid.NewGuid(), during2, null));
        posted.EnsureSuccessStatusCode();
        var bothSendsTook = timer.Elapsed;
        var duringRest = (await posted.Content.ReadFromJsonAsync<MessageView>())!;
        Assert.Equal((2L, 3L), (during.Sequence, duringRest.Sequence));
        Assert.Equal([before.Body!, during1, during2], await StoredBodiesAsync(direct));
        // Promptly: pushes and presence give up at once instead of queueing for Redis's 5 s timeout.
        Assert.True(hubSendTook < Prompt, $"Sending through the hub took {hubSendTook} with Redis down.");
        Assert.True(bothSendsTook - hubSendTook < Prompt, $"Sending through REST took {bothSendsTook - hubSendTook} with Redis down.");

        // Reads and catching up do not need Redis.
        using var bobHttp = bob.Http(replica);
        var history = await bobHttp.GetFromJsonAsync<MessagePage>(new Uri($"/conversations/{direct}/messages", UriKind.Relative));
        Assert.Equal([1L, 2L, 3L], history!.Messages.Select(m => m.Sequence));
        using var synced = await bobHttp.PostAsJsonAsync(new Uri("/sync", UriKind.Relative), new SyncRequest([new SyncCursor(direct, before.Version)]));
        var missed = Assert.Single((await synced.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SyncResult>())!.Conversations);
        Assert.Equal([2L, 3L], missed.Messages.Select(m => m.Sequence));

        await redis.StartAgainAsync();

        // It came back empty: the heartbeat puts the open connections back and says so.
        await ChatClient.WaitForAsync(carolLaptop.Presence, p => p.UserId == alice.Id && p.Online && CountOnline(carolLaptop, alice) >= 2,
            "Alice online again after the outage");
        await Eventually.HoldsAsync(async () =>
            {
                var online = await bobHttp.GetFromJsonAsync<IReadOnlyList<PresenceView>>(new Uri("/presence", UriKind.Relative));
                return online!.Select(p => p.UserId).ToHashSet().IsSupersetOf([alice.Id, bob.Id, carol.Id]);
            }, TimeSpan.FromSeconds(20), () => "The online list did not recover.");

        // Pushes flow again, and Bob's phone catches up on what it missed: nothing is lost.
        var after = await alicePhone.SendAsync(direct, "envelope-after");
        await ChatClient.WaitForAsync(bobPhone.Received, m => m.ClientMessageId == after.ClientMessageId, "the message after the outage");
        var caughtUp = Assert.Single((await bobPhone.SyncAsync(new SyncCursor(direct, before.Version))).Conversations);
        Assert.Equal(["envelope-during-1", "envelope-during-2", "envelope-after"], caughtUp.Messages.Select(m => Envelopes.TextOf(m.Body)));
    }

    [Fact]
    public async Task Someone_who_leaves_while_redis_is_down_is_seen_offline_once_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var replica = StartReplica(redis);
        var carol = await fixture.CreateUserAsync("Carol");
        var dave = await fixture.CreateUserAsync("Dave");
        await replica.WaitUntilReadyAsync();
        await using var carolLaptop = await ChatClient.ConnectAsync(carol, replica);
        await carolLaptop.WatchPresenceAsync();
        var davePhone = await ChatClient.ConnectAsync(dave, replica);
        await ChatClient.WaitForAsync(carolLaptop.Presence, p => p.UserId == dave.Id && p.Online, "Dave online");

        await redis.StopAsync();
        // Dave's goodbye cannot be recorded nor announced now.
        await davePhone.DisposeAsync();
        var connections = replica.Get<LocalConnections>();
        await Eventually.HoldsAsync(() => connections.Count == 1, TimeSpan.FromSeconds(10), () => "The replica never saw Dave's phone close.");
        await redis.StartAgainAsync();

        // Carol's laptop stayed connected all along: it must hear that Dave is gone.
        await ChatClient.WaitForAsync(carolLaptop.Presence, p => p.UserId == dave.Id && !p.Online, "Dave offline after the outage");
        using var carolHttp = carol.Http(replica);
        var online = await carolHttp.GetFromJsonAsync<IReadOnlyList<PresenceView>>(new Uri("/presence", UriKind.Relative));
        Assert.DoesNotContain(dave.Id, online!.Select(p => p.UserId));
        Assert.Contains(carol.Id, online!.Select(p => p.UserId));
    }

    /// <summary>A replica with a Redis of its own.</summary>
    private MessagingReplica StartReplica(RedisServer redis)
    {
        var settings = fixture.Settings();
        settings["ConnectionStrings:redis"] = redis.ConnectionString;
        // Its presence store knows nobody of the other tests: it must not send them digests.
        settings["Messaging:DigestAfter"] = "7.00:00:00";
        return MessagingReplica.Start(settings, fixture.Tokens);
    }

    private static int CountOnline(ChatClient watcher, TestUser user) => watcher.Presence.Count(p => p.UserId == user.Id && p.Online);

    private async Task<IReadOnlyList<string>> StoredBodiesAsync(Guid conversationId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<string>("SELECT body FROM messages WHERE conversation_id = @conversationId ORDER BY sequence", new { conversationId })];
    }
}
