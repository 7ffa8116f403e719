using System.Net.Http.Json;
using ChatApp.Messaging.Api;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// A device coming back sends the last version it has of each conversation and gets what it
/// missed: new messages, edits, deletions, conversations it was added to, everyone's receipts.
/// </summary>
public sealed class SyncTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_device_back_from_being_away_gets_every_missed_change_in_version_order_and_every_members_receipts()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        var carol = await fixture.CreateUserAsync("Carol");
        await using var alicePhone = await alice.ConnectAsync(fixture.Primary);
        await using var carolPhone = await carol.ConnectAsync(fixture.Primary);

        // Bob's phone has the first two messages, says so, and goes away.
        var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        var first = await alicePhone.SendDirectAsync(bob.Id, "envelope-1");
        var direct = first.ConversationId;
        var second = await alicePhone.SendAsync(direct, "envelope-2");
        await ChatClient.WaitForAsync(bobPhone.Received, m => m.ClientMessageId == second.ClientMessageId, "the second message on Bob's phone");
        var bobKnows = bobPhone.Received.Where(m => m.ConversationId == direct).ToDictionary(m => m.Sequence);
        await bobPhone.MarkDeliveredAsync(direct, second.Sequence);
        var cursor = bobKnows.Values.Max(m => m.Version);
        await bobPhone.DisposeAsync();

        // Meanwhile: five more messages, an edit and a deletion of the two he has, an edit of a new one.
        var missed = new List<MessageView>();
        for (var i = 3; i <= 7; i++)
            missed.Add(await alicePhone.SendAsync(direct, $"envelope-{i}"));
        await alicePhone.EditAsync(direct, first.Sequence, "envelope-1-edited");
        await alicePhone.DeleteAsync(direct, second.Sequence);
        await alicePhone.EditAsync(direct, missed[1].Sequence, "envelope-4-edited");
        // ... and Carol made a group with both of them and wrote in it; Alice read it.
        var group = await carolPhone.CreateGroupAsync("Weekend", alice, bob);
        var inGroup = await carolPhone.SendAsync(group.Id, "envelope-group-1");
        await carolPhone.SendAsync(group.Id, "envelope-group-2");
        await alicePhone.MarkReadAsync(group.Id, inGroup.Sequence);

        await using var bobBack = await bob.ConnectAsync(fixture.Primary);
        var result = await bobBack.SyncAsync(new SyncCursor(direct, cursor));

        Assert.Empty(result.Removed);
        Assert.Equal(2, result.Conversations.Count);
        var directChanges = Assert.Single(result.Conversations, c => c.Conversation.Id == direct);
        Assert.False(directChanges.HasMore);
        // Every change once, in the order they happened.
        Assert.Equal(
            ["envelope-3", "envelope-5", "envelope-6", "envelope-7", "envelope-1-edited", null, "envelope-4-edited"],
            directChanges.Messages.Select(m => Envelopes.TextOf(m.Body)));
        Assert.Equal(directChanges.Messages.Select(m => m.Version).Order(), directChanges.Messages.Select(m => m.Version));
        Assert.All(directChanges.Messages, m => Assert.True(m.Version > cursor));
        Assert.Equal(directChanges.Messages.Count, directChanges.Messages.DistinctBy(m => m.Sequence).Count());
        var tombstone = Assert.Single(directChanges.Messages, m => m.Sequence == second.Sequence);
        Assert.NotNull(tombstone.DeletedAt);
        Assert.NotNull(Assert.Single(directChanges.Messages, m => m.Sequence == first.Sequence).EditedAt);
        Assert.Equal(directChanges.Conversation.LastVersion, directChanges.Messages[^1].Version);
        Assert.Equal(
            [(alice.Id, 7L, 7L), (bob.Id, 2L, 0L)],
            directChanges.Receipts.Select(r => (r.UserId, r.DeliveredSequence, r.ReadSequence)).OrderBy(r => r.UserId == bob.Id));

        var groupChanges = Assert.Single(result.Conversations, c => c.Conversation.Id == group.Id);
        Assert.Equal("Weekend", groupChanges.Conversation.Name);
        Assert.Equal(["envelope-group-1", "envelope-group-2"], groupChanges.Messages.Select(m => Envelopes.TextOf(m.Body)));
        Assert.Equal(3, groupChanges.Receipts.Count);
        Assert.Equal(1, Assert.Single(groupChanges.Receipts, r => r.UserId == alice.Id).ReadSequence);
        Assert.Equal(2, Assert.Single(groupChanges.Receipts, r => r.UserId == carol.Id).ReadSequence);
        Assert.Equal(0, Assert.Single(groupChanges.Receipts, r => r.UserId == bob.Id).DeliveredSequence);

        // What the phone shows after applying the changes is what the server holds.
        foreach (var change in directChanges.Messages)
            bobKnows[change.Sequence] = change;
        Assert.Equal(await HistoryAsync(bob, direct), bobKnows.Values.OrderBy(m => m.Sequence));
    }

    [Fact]
    public async Task More_missed_than_a_page_comes_in_pages_that_continue_from_the_new_cursor()
    {
        const int PageSize = 3;
        var settings = fixture.Settings();
        settings["Messaging:MaxPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var replica = MessagingReplica.Start(settings, fixture.Tokens);
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync(fixture.Primary);
        var first = await alicePhone.SendDirectAsync(bob.Id, "envelope-1");
        var direct = first.ConversationId;
        for (var i = 2; i <= 8; i++)
            await alicePhone.SendAsync(direct, $"envelope-{i}");
        await replica.WaitUntilReadyAsync();
        await using var bobPhone = await ChatClient.ConnectAsync(bob, replica);

        var known = new Dictionary<long, MessageView>();
        var pages = new List<(int Count, bool HasMore)>();
        var after = 0L;
        var hasMore = true;
        while (hasMore)
        {
            var page = Assert.Single((await bobPhone.SyncAsync(new SyncCursor(direct, after))).Conversations, c => c.Conversation.Id == direct);
            pages.Add((page.Messages.Count, page.HasMore));
            Assert.All(page.Messages, m => Assert.True(m.Version > after));
            foreach (var message in page.Messages)
                known[message.Sequence] = message;
            after = page.Messages[^1].Version;
            hasMore = page.HasMore;
            if (pages.Count == 1)
                // A change to a message of the first page while the device pages: it comes again, later.
                await alicePhone.EditAsync(direct, 2, "envelope-2-edited");
        }

        Assert.Equal([(3, true), (3, true), (3, false)], pages);
        Assert.Equal(8, known.Count);
        Assert.Equal("envelope-2-edited", Envelopes.TextOf(known[2].Body));
        Assert.Equal(await HistoryAsync(bob, direct), known.Values.OrderBy(m => m.Sequence));
    }

    [Fact]
    public async Task A_conversation_the_device_knows_but_its_user_left_is_listed_as_removed()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync();
        var left = await alicePhone.CreateGroupAsync("Left", bob);
        var deleted = await alicePhone.CreateGroupAsync("Deleted", bob);
        var stayed = await alicePhone.CreateGroupAsync("Stayed", bob);
        await alicePhone.SendAsync(left.Id, "envelope-before-leaving");

        using var bobHttp = bob.Http();
        (await bobHttp.PostAsJsonAsync(new Uri($"/groups/{left.Id}/leave", UriKind.Relative), new LeaveGroupRequest(null))).EnsureSuccessStatusCode();
        using var aliceHttp = alice.Http();
        (await aliceHttp.DeleteAsync(new Uri($"/groups/{deleted.Id}", UriKind.Relative))).EnsureSuccessStatusCode();

        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        var result = await bobPhone.SyncAsync(new SyncCursor(left.Id, 0), new SyncCursor(deleted.Id, 0), new SyncCursor(stayed.Id, 0));

        Assert.Equal([left.Id, deleted.Id], result.Removed.Order());
        Assert.Equal([stayed.Id], result.Conversations.Select(c => c.Conversation.Id));
    }

    private static async Task<IReadOnlyList<MessageView>> HistoryAsync(TestUser user, Guid conversationId)
    {
        using var http = user.Http();
        var page = await http.GetFromJsonAsync<MessagePage>(new Uri($"/conversations/{conversationId}/messages?limit=100", UriKind.Relative));
        Assert.False(page!.HasMore);
        return page.Messages;
    }
}
