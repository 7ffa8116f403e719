using System.Net.Http.Json;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>Two replicas behind the gateway: what happens on one reaches devices connected to the other (the Redis backplane).</summary>
public sealed class ReplicaTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_message_sent_through_one_replica_reaches_the_recipient_and_the_senders_other_device_on_the_other()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var aliceLaptop = await alice.ConnectAsync(fixture.Primary);
        await using var alicePhone = await alice.ConnectAsync(fixture.Secondary);
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);

        var sent = await aliceLaptop.SendDirectAsync(bob.Id, "envelope-across");

        var atBob = await ChatClient.WaitForAsync(bobPhone.Received, m => m.ClientMessageId == sent.ClientMessageId, "the message on Bob's phone");
        var onAlicePhone = await ChatClient.WaitForAsync(alicePhone.Received, m => m.ClientMessageId == sent.ClientMessageId, "the message on Alice's phone");
        Assert.Equal(sent, atBob);
        Assert.Equal(sent, onAlicePhone);
        // The conversation came into being with that message: both hear of it wherever they are connected.
        await ChatClient.WaitForAsync(bobPhone.Conversations, c => c.Id == sent.ConversationId, "the new conversation on Bob's phone");
        await ChatClient.WaitForAsync(alicePhone.Conversations, c => c.Id == sent.ConversationId, "the new conversation on Alice's phone");
    }

    [Fact]
    public async Task Receipts_recorded_on_one_replica_reach_the_senders_devices_on_both()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var aliceLaptop = await alice.ConnectAsync(fixture.Primary);
        await using var alicePhone = await alice.ConnectAsync(fixture.Secondary);
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        await using var bobLaptop = await bob.ConnectAsync(fixture.Primary);
        var sent = await alicePhone.SendDirectAsync(bob.Id, "envelope-ticks");
        await ChatClient.WaitForAsync(bobPhone.Received, m => m.ClientMessageId == sent.ClientMessageId, "the message on Bob's phone");

        await bobPhone.MarkDeliveredAsync(sent.ConversationId, sent.Sequence);
        foreach (var device in new[] { aliceLaptop, alicePhone })
        {
            var delivered = await ChatClient.WaitForAsync(device.Receipts, r => r.UserId == bob.Id && r.DeliveredSequence == sent.Sequence, "the delivered receipt");
            Assert.Equal(new MemberReceipts(sent.ConversationId, bob.Id, sent.Sequence, 0), delivered);
        }

        await bobLaptop.MarkReadAsync(sent.ConversationId, sent.Sequence);
        foreach (var device in new[] { aliceLaptop, alicePhone, bobPhone, bobLaptop })
        {
            var read = await ChatClient.WaitForAsync(device.Receipts, r => r.UserId == bob.Id && r.ReadSequence == sent.Sequence, "the read receipt");
            Assert.Equal(new MemberReceipts(sent.ConversationId, bob.Id, sent.Sequence, sent.Sequence), read);
        }

        // Bob's own devices hear of his reading (their unread counts follow it), never of what one of them merely received.
        Assert.DoesNotContain(bobLaptop.Receipts, r => r.UserId == bob.Id && r.ReadSequence == 0);

        using var http = alice.Http(fixture.Secondary);
        var receipts = await http.GetFromJsonAsync<MessageReceipts>(new Uri($"/conversations/{sent.ConversationId}/messages/{sent.Sequence}/receipts", UriKind.Relative));
        Assert.Equal([bob.Id], receipts!.DeliveredTo);
        Assert.Equal([bob.Id], receipts.ReadBy);
    }
}
