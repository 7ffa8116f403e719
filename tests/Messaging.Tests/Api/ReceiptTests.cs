using System.Net.Http.Json;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>The ticks: ✓ stored (the sender's answer), ✓✓ delivered (a device of the recipient has it), ✓✓ read.</summary>
public sealed class ReceiptTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_direct_message_is_stored_then_delivered_then_read_and_the_sender_sees_each_step()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync();
        await using var bobPhone = await bob.ConnectAsync();

        // ✓: the server stored it, numbered it and answered the sender.
        var sent = await alicePhone.SendDirectAsync(bob.Id, "envelope-1");
        Assert.Equal(1, sent.Sequence);
        Assert.Equal(alice.Id, sent.SenderId);

        // Bob's device gets it, and says so: ✓✓ delivered for Alice.
        var received = await ChatClient.WaitForAsync(bobPhone.Received, m => m.ClientMessageId == sent.ClientMessageId, "message for Bob");
        Assert.Equal("envelope-1", received.Body);
        await bobPhone.MarkDeliveredAsync(received.ConversationId, received.Sequence);
        var delivered = await ChatClient.WaitForAsync(alicePhone.Receipts, r => r.UserId == bob.Id && r.DeliveredSequence >= 1, "delivered receipt");
        Assert.Equal(0, delivered.ReadSequence);

        // Bob opens the conversation: ✓✓ read.
        await bobPhone.MarkReadAsync(received.ConversationId, received.Sequence);
        var read = await ChatClient.WaitForAsync(alicePhone.Receipts, r => r.UserId == bob.Id && r.ReadSequence >= 1, "read receipt");
        Assert.Equal(1, read.DeliveredSequence);

        var receipts = await alice.Http().GetFromJsonAsync<MessageReceipts>(
            new Uri($"/conversations/{sent.ConversationId}/messages/1/receipts", UriKind.Relative));
        Assert.Equal([bob.Id], receipts!.ReadBy);
        Assert.Equal([bob.Id], receipts.DeliveredTo);
    }
}
