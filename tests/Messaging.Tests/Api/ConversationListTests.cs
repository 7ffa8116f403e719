using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>My conversation list: most recently active first, with what I have not read, paged by an opaque cursor.</summary>
public sealed class ConversationListTests(MessagingFixture fixture)
{
    [Fact]
    public async Task The_most_recently_active_conversation_comes_first()
    {
        var users = await fixture.CreateUsersAsync("Me", "Ann", "Ben");
        var (me, ann, ben) = (users[0], users[1], users[2]);
        var withAnn = await ann.SendDirectAsync(me, "from Ann");
        var group = await me.CreateGroupAsync("Group", ann, ben);
        var inGroup = await ben.SendAsync(group.Id, "in the group");
        var withBen = await ben.SendDirectAsync(me, "from Ben");

        Assert.Equal([withBen.ConversationId, group.Id, withAnn.ConversationId], Ids(await me.ConversationListAsync()));

        var latest = await ann.SendAsync(withAnn.ConversationId, "Ann again");
        var list = await me.ConversationListAsync();
        Assert.Equal([withAnn.ConversationId, withBen.ConversationId, group.Id], Ids(list));
        Assert.Equal(latest.SentAt, list.Conversations[0].LastActivityAt);
        Assert.Equal(inGroup.SentAt, list.Conversations[2].LastActivityAt);
    }

    [Fact]
    public async Task Unread_counts_drop_as_I_read_and_my_own_messages_are_never_unread()
    {
        var users = await fixture.CreateUsersAsync("Me", "Ann");
        var (me, ann) = (users[0], users[1]);
        var first = await ann.SendDirectAsync(me, "1");
        await ann.SendAsync(first.ConversationId, "2");
        await ann.SendAsync(first.ConversationId, "3");
        await using var myPhone = await me.ConnectAsync();

        Assert.Equal(3, await UnreadAsync(me));
        Assert.Equal(0, await UnreadAsync(ann));

        await (await me.CallAsync(HttpMethod.Post, $"/conversations/{first.ConversationId}/receipts", new { readSequence = 2 })).ReadAsync<object>();
        Assert.Equal(1, await UnreadAsync(me));

        await myPhone.MarkDeliveredAsync(first.ConversationId, 3);
        Assert.Equal(1, await UnreadAsync(me));

        await myPhone.MarkReadAsync(first.ConversationId, 3);
        Assert.Equal(0, await UnreadAsync(me));
        Assert.Equal(3, Assert.Single((await me.ConversationListAsync()).Conversations).MyReadSequence);
    }

    [Fact]
    public async Task The_list_pages_with_a_cursor_without_losing_or_repeating_a_conversation()
    {
        var me = await fixture.CreateUserAsync("Me");
        var others = await fixture.CreateUsersAsync("A", "B", "C", "D", "E");
        var expected = new List<Guid>();
        foreach (var other in others)
            expected.Insert(0, (await other.SendDirectAsync(me, "hi")).ConversationId);

        var pages = new List<ConversationPage> { await me.ConversationListAsync("?limit=2") };
        while (pages[^1].Next is { } next)
            pages.Add(await me.ConversationListAsync($"?limit=2&cursor={Uri.EscapeDataString(next)}"));

        Assert.Equal([2, 2, 1], pages.Select(page => page.Conversations.Count));
        Assert.Equal(expected, pages.SelectMany(Ids));
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("bm9uc2Vuc2U")]
    [InlineData("MTIzOnh5eg")]
    [InlineData("LTU6MDE5NWM5YTEwMDAwNzAwMDgwMDAwMDAwMDAwMDAwMDA")]
    public async Task A_cursor_that_is_not_one_of_ours_is_refused(string cursor)
    {
        var me = await fixture.CreateUserAsync("Me");

        var response = await me.CallAsync(HttpMethod.Get, $"/conversations?cursor={Uri.EscapeDataString(cursor)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    private static IEnumerable<Guid> Ids(ConversationPage page) => page.Conversations.Select(conversation => conversation.Id);

    private static async Task<long> UnreadAsync(TestUser user) => Assert.Single((await user.ConversationListAsync()).Conversations).UnreadCount;
}
