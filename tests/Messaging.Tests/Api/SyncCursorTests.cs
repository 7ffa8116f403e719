using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>A device back from being away asks what changed since the versions it has, over the hub or REST.</summary>
public sealed class SyncCursorTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_device_catches_up_on_new_edited_and_deleted_messages_since_its_cursor()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        var first = await ann.SendDirectAsync(ben, "1");
        var second = await ann.SendAsync(first.ConversationId, "2");
        await using var benPhone = await ben.ConnectAsync();
        var cursor = new SyncCursor(first.ConversationId, second.Version);

        await ann.SendAsync(first.ConversationId, "3");
        await ann.EditAsync(first.ConversationId, 1, "1, edited");
        await ann.CallAsync(HttpMethod.Delete, $"/conversations/{first.ConversationId}/messages/2");
        var sync = await benPhone.SyncAsync(cursor);

        var changes = Assert.Single(sync.Conversations);
        Assert.Equal([(3L, "3", 3L), (1L, "1, edited", 4L), (2L, null, 5L)], changes.Messages.Select(message => (message.Sequence, Envelopes.TextOf(message.Body), message.Version)));
        Assert.False(changes.HasMore);
        Assert.Equal(5, changes.Conversation.LastVersion);
        Assert.Equal(new[] { ann.Id, ben.Id }.Order(), changes.Receipts.Select(receipt => receipt.UserId).Order());
        Assert.Empty(sync.Removed);
    }

    [Fact]
    public async Task A_device_learns_of_conversations_it_did_not_know_and_of_those_it_is_no_longer_in()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        var group = await ann.CreateGroupAsync("Soon left", ben);
        var direct = await ann.SendDirectAsync(ben, "new to Ben's device");
        await ben.CallAsync(HttpMethod.Post, $"/groups/{group.Id}/leave", new { });

        var sync = await (await ben.CallAsync(HttpMethod.Post, "/sync", new { conversations = new[] { new SyncCursor(group.Id, 0) } })).ReadAsync<SyncResult>();

        var changes = Assert.Single(sync.Conversations);
        Assert.Equal(direct.ConversationId, changes.Conversation.Id);
        Assert.Equal([direct], changes.Messages);
        Assert.Equal([group.Id], sync.Removed);
    }

    [Fact]
    public async Task A_device_that_is_up_to_date_gets_no_messages()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var sent = await users[0].SendDirectAsync(users[1], "seen");
        await using var benPhone = await users[1].ConnectAsync();

        var sync = await benPhone.SyncAsync(new SyncCursor(sent.ConversationId, sent.Version));

        Assert.Empty(Assert.Single(sync.Conversations).Messages);
    }
}
