using ChatApp.Messaging.Api.Hub;
using ChatApp.Messaging.Tests.Support;
using StackExchange.Redis;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// The backplane costs a replica one Redis subscription, not two per connection: SignalR's own
/// Redis backplane subscribed to a channel for every connection and every user, with a queue and
/// a read loop each (about 7.5 KB per idle connection).
/// </summary>
public sealed class BackplaneTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Open_connections_subscribe_to_no_redis_channel_of_their_own()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync(fixture.Primary);
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        await using var bobLaptop = await bob.ConnectAsync(fixture.Primary);
        // They are open and the backplane carries between them.
        var sent = await alicePhone.SendDirectAsync(bob.Id, "envelope-subscriptions");
        await ChatClient.WaitForAsync(bobPhone.Received, m => m.ClientMessageId == sent.ClientMessageId, "the message on Bob's phone");

        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var channels = await redis.GetServer(redis.GetEndPoints()[0]).SubscriptionChannelsAsync();

        // Only the channels each replica subscribes to once, whatever else runs meanwhile (and the
        // one every StackExchange.Redis multiplexer subscribes to for configuration changes).
        Assert.Equal(
            [(string)ChatBackplane.Channel!, (string)SignalRSessionConnections.Channel!],
            channels.Select(channel => (string)channel!).Where(channel => channel != "__Booksleeve_MasterChanged").Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_push_reaches_each_device_once_on_the_replica_it_was_sent_from_and_on_the_other_but_not_the_sending_device()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync(fixture.Primary);
        await using var aliceLaptop = await alice.ConnectAsync(fixture.Primary);
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);

        var sent = await alicePhone.SendDirectAsync(bob.Id, "envelope-once");
        await ChatClient.WaitForAsync(bobPhone.Received, m => m.ClientMessageId == sent.ClientMessageId, "the message on Bob's phone");
        // Bob's answer crosses from the other replica after Alice's message came back to hers over the
        // same channel: once it is on her laptop, a second copy of her message would be there too.
        var answer = await bobPhone.SendAsync(sent.ConversationId, "envelope-answer");
        await ChatClient.WaitForAsync(aliceLaptop.Received, m => m.ClientMessageId == answer.ClientMessageId, "the answer on Alice's laptop");

        Assert.Single(aliceLaptop.Received, m => m.ClientMessageId == sent.ClientMessageId);
        Assert.Single(alicePhone.Received, m => m.ClientMessageId == answer.ClientMessageId);
        Assert.Single(bobPhone.Received, m => m.ClientMessageId == sent.ClientMessageId);
        // The device each was sent from has it in its answer, and is not pushed it again.
        Assert.DoesNotContain(alicePhone.Received, m => m.ClientMessageId == sent.ClientMessageId);
        Assert.DoesNotContain(bobPhone.Received, m => m.ClientMessageId == answer.ClientMessageId);
    }
}
