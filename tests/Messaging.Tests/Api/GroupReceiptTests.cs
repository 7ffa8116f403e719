using System.Net.Http.Json;
using ChatApp.Messaging.Api;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>Ticks in a group: per member, "read by 2 of 3", pointers that only move forward and never past the last message.</summary>
public sealed class GroupReceiptTests(MessagingFixture fixture)
{
    [Fact]
    public async Task In_a_group_of_four_the_sender_sees_who_received_and_who_read_each_message()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        var carol = await fixture.CreateUserAsync("Carol");
        var dave = await fixture.CreateUserAsync("Dave");
        await using var alicePhone = await alice.ConnectAsync(fixture.Primary);
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        await using var davePhone = await dave.ConnectAsync(fixture.Primary);
        var group = await alicePhone.CreateGroupAsync("Four", bob, carol, dave);
        var first = await alicePhone.SendAsync(group.Id, "envelope-1");
        var second = await alicePhone.SendAsync(group.Id, "envelope-2");

        // Bob reads both on his phone, Carol through REST; Dave's phone only received the first.
        await bobPhone.MarkReadAsync(group.Id, second.Sequence);
        using var carolHttp = carol.Http(fixture.Secondary);
        (await carolHttp.PostAsJsonAsync(new Uri($"/conversations/{group.Id}/receipts", UriKind.Relative), new ReceiptRequest(null, second.Sequence)))
            .EnsureSuccessStatusCode();
        await davePhone.MarkDeliveredAsync(group.Id, first.Sequence);

        // Alice's phone heard of each member's step, once each.
        await ChatClient.WaitForAsync(alicePhone.Receipts, r => r.UserId == bob.Id, "Bob's receipt");
        await ChatClient.WaitForAsync(alicePhone.Receipts, r => r.UserId == carol.Id, "Carol's receipt");
        await ChatClient.WaitForAsync(alicePhone.Receipts, r => r.UserId == dave.Id, "Dave's receipt");
        Assert.Equal(
            [(bob.Id, 2L, 2L), (carol.Id, 2L, 2L), (dave.Id, 1L, 0L)],
            alicePhone.Receipts.Where(r => r.ConversationId == group.Id)
                .Select(r => (r.UserId, r.DeliveredSequence, r.ReadSequence)).OrderBy(r => r.UserId == bob.Id ? 0 : r.UserId == carol.Id ? 1 : 2));

        var ofFirst = await ReceiptsAsync(alice, group.Id, first.Sequence);
        Assert.Equal(3, ofFirst.Recipients);
        Assert.Equal([bob.Id, carol.Id, dave.Id], ofFirst.DeliveredTo.Order());
        Assert.Equal([bob.Id, carol.Id], ofFirst.ReadBy.Order());
        var ofSecond = await ReceiptsAsync(alice, group.Id, second.Sequence);
        Assert.Equal(3, ofSecond.Recipients);
        Assert.Equal([bob.Id, carol.Id], ofSecond.DeliveredTo.Order());
        Assert.Equal([bob.Id, carol.Id], ofSecond.ReadBy.Order());

        // Someone added later was not there when these were sent: not counted as a recipient.
        var erin = await fixture.CreateUserAsync("Erin");
        using var aliceHttp = alice.Http();
        (await aliceHttp.PostAsJsonAsync(new Uri($"/groups/{group.Id}/members", UriKind.Relative), new AddMembersRequest([erin.Id]))).EnsureSuccessStatusCode();
        Assert.Equal(3, (await ReceiptsAsync(alice, group.Id, second.Sequence)).Recipients);
    }

    [Fact]
    public async Task Read_pointers_never_move_backwards_and_stop_at_the_last_message()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        var carol = await fixture.CreateUserAsync("Carol");
        await using var alicePhone = await alice.ConnectAsync(fixture.Primary);
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        await using var carolPhone = await carol.ConnectAsync(fixture.Primary);
        var group = await alicePhone.CreateGroupAsync("Three", bob, carol);
        await alicePhone.SendAsync(group.Id, "envelope-1");
        var second = await alicePhone.SendAsync(group.Id, "envelope-2");

        Assert.Equal(new MemberReceipts(group.Id, bob.Id, 2, 2), await bobPhone.MarkReadAsync(group.Id, second.Sequence));
        await ChatClient.WaitForAsync(alicePhone.Receipts, r => r.UserId == bob.Id, "Bob's read receipt");

        // Another of Bob's devices is behind: it reports the first message as read, then as delivered.
        Assert.Equal(new MemberReceipts(group.Id, bob.Id, 2, 2), await bobPhone.MarkReadAsync(group.Id, 1));
        Assert.Equal(new MemberReceipts(group.Id, bob.Id, 2, 2), await bobPhone.MarkDeliveredAsync(group.Id, 1));

        // Carol reports far beyond the last message: capped at it.
        Assert.Equal(new MemberReceipts(group.Id, carol.Id, 2, 2), await carolPhone.MarkReadAsync(group.Id, 999));
        Assert.Equal(new MemberReceipts(group.Id, carol.Id, 2, 2),
            await ChatClient.WaitForAsync(alicePhone.Receipts, r => r.UserId == carol.Id, "Carol's read receipt"));

        // Carol's receipt came after Bob's stale reports: had those pushed anything, Alice would have it by now.
        Assert.Single(alicePhone.Receipts, r => r.UserId == bob.Id);
        using var aliceHttp = alice.Http();
        var detail = await aliceHttp.GetFromJsonAsync<ConversationDetail>(new Uri($"/conversations/{group.Id}", UriKind.Relative));
        Assert.Equal((2L, 2L), detail!.Members.Where(m => m.UserId == bob.Id).Select(m => (m.DeliveredSequence, m.ReadSequence)).Single());
        Assert.Equal((2L, 2L), detail.Members.Where(m => m.UserId == carol.Id).Select(m => (m.DeliveredSequence, m.ReadSequence)).Single());

        // A later message is unread for both, and can be read.
        var third = await alicePhone.SendAsync(group.Id, "envelope-3");
        Assert.Equal(new MemberReceipts(group.Id, carol.Id, 3, 3), await carolPhone.MarkReadAsync(group.Id, 999));
        Assert.Equal([carol.Id], (await ReceiptsAsync(alice, group.Id, third.Sequence)).ReadBy);
    }

    private static async Task<MessageReceipts> ReceiptsAsync(TestUser user, Guid conversationId, long sequence)
    {
        using var http = user.Http();
        return (await http.GetFromJsonAsync<MessageReceipts>(new Uri($"/conversations/{conversationId}/messages/{sequence}/receipts", UriKind.Relative)))!;
    }
}
