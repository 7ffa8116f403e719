using System.Net.Http.Json;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Domain;
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
        Assert.Equal("envelope-1", Envelopes.TextOf(received.Body));
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

    [Fact]
    public async Task Receipt_pointers_never_move_back_and_stop_at_the_last_message()
    {
        var users = await fixture.CreateUsersAsync("Alice", "Bob");
        var (alice, bob) = (users[0], users[1]);
        var first = await alice.SendDirectAsync(bob, "1");
        await alice.SendAsync(first.ConversationId, "2");
        var path = $"/conversations/{first.ConversationId}/receipts";

        var beyond = await (await bob.CallAsync(HttpMethod.Post, path, new { readSequence = 99 })).ReadAsync<MemberReceipts>();
        var older = await (await bob.CallAsync(HttpMethod.Post, path, new { deliveredSequence = 1, readSequence = 1 })).ReadAsync<MemberReceipts>();

        // Read up to the last message, which implies delivered; an older report changes nothing.
        Assert.Equal((2L, 2L), (beyond.DeliveredSequence, beyond.ReadSequence));
        Assert.Equal(beyond, older);
        var bobRow = (await fixture.MemberRowsAsync(first.ConversationId)).Single(member => member.UserId == bob.Id);
        Assert.Equal((2L, 2L), (bobRow.DeliveredSequence, bobRow.ReadSequence));
    }

    [Fact]
    public async Task The_sender_has_received_and_read_what_they_sent()
    {
        var users = await fixture.CreateUsersAsync("Alice", "Bob");
        var sent = await users[0].SendDirectAsync(users[1], "mine");

        var alice = (await users[0].ConversationAsync(sent.ConversationId)).Members.Single(member => member.UserId == users[0].Id);

        Assert.Equal((1L, 1L), (alice.DeliveredSequence, alice.ReadSequence));
        Assert.Equal(MemberRole.Member, alice.Role);
    }

    [Fact]
    public async Task A_message_counts_as_recipients_only_the_members_who_were_there_when_it_was_sent()
    {
        var users = await fixture.CreateUsersAsync("Alice", "Bob", "Carol");
        var (alice, bob, carol) = (users[0], users[1], users[2]);
        var group = await alice.CreateGroupAsync("Ticks", bob);
        await alice.SendAsync(group.Id, "before Carol");
        await alice.AddMembersAsync(group.Id, carol);
        await alice.SendAsync(group.Id, "with Carol");
        await bob.CallAsync(HttpMethod.Post, $"/conversations/{group.Id}/receipts", new { readSequence = 2 });
        await carol.CallAsync(HttpMethod.Post, $"/conversations/{group.Id}/receipts", new { deliveredSequence = 2 });

        var beforeCarol = await (await alice.CallAsync(HttpMethod.Get, $"/conversations/{group.Id}/messages/1/receipts")).ReadAsync<MessageReceipts>();
        var withCarol = await (await alice.CallAsync(HttpMethod.Get, $"/conversations/{group.Id}/messages/2/receipts")).ReadAsync<MessageReceipts>();

        Assert.Equal(1, beforeCarol.Recipients);
        Assert.Equal([bob.Id], beforeCarol.DeliveredTo);
        Assert.Equal([bob.Id], beforeCarol.ReadBy);
        Assert.Equal(2, withCarol.Recipients);
        Assert.Equal(new[] { bob.Id, carol.Id }.Order(), withCarol.DeliveredTo.Order());
        Assert.Equal([bob.Id], withCarol.ReadBy);
    }
}
