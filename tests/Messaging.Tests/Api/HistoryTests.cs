using System.Net;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>History pages by sequence number: backwards from the latest with <c>before</c>, forwards with <c>after</c>, oldest first in each page.</summary>
public sealed class HistoryTests(MessagingFixture fixture)
{
    [Fact]
    public async Task History_pages_backwards_from_the_latest_message()
    {
        var (ben, conversationId) = await FiveMessagesAsync();

        var latest = await ben.HistoryAsync(conversationId, "?limit=2");
        var earlier = await ben.HistoryAsync(conversationId, "?limit=2&before=4");
        var first = await ben.HistoryAsync(conversationId, "?limit=2&before=2");

        Assert.Equal("4 5 …", Page(latest));
        Assert.Equal("2 3 …", Page(earlier));
        Assert.Equal("1", Page(first));
    }

    [Fact]
    public async Task History_pages_forwards_from_a_known_message()
    {
        var (ben, conversationId) = await FiveMessagesAsync();

        Assert.Equal("1 2 …", Page(await ben.HistoryAsync(conversationId, "?limit=2&after=0")));
        Assert.Equal("3 4 …", Page(await ben.HistoryAsync(conversationId, "?limit=2&after=2")));
        Assert.Equal("5", Page(await ben.HistoryAsync(conversationId, "?limit=2&after=4")));
        Assert.Equal("", Page(await ben.HistoryAsync(conversationId, "?limit=2&after=5")));
    }

    [Fact]
    public async Task The_hub_pages_history_as_rest_does()
    {
        var (ben, conversationId) = await FiveMessagesAsync();
        await using var benPhone = await ben.ConnectAsync();

        Assert.Equal("4 5 …", Page(await benPhone.HistoryAsync(conversationId, limit: 2)));
        Assert.Equal("2 3 …", Page(await benPhone.HistoryAsync(conversationId, before: 4, limit: 2)));
        Assert.Equal("3 4 …", Page(await benPhone.HistoryAsync(conversationId, after: 2, limit: 2)));
        Assert.Equal(
            (await ben.HistoryAsync(conversationId)).Messages,
            (await benPhone.HistoryAsync(conversationId)).Messages);
    }

    [Fact]
    public async Task A_page_between_two_known_messages_holds_what_lies_between()
    {
        var (ben, conversationId) = await FiveMessagesAsync();

        Assert.Equal("2 3 4", Page(await ben.HistoryAsync(conversationId, "?after=1&before=5")));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("100000")]
    public async Task A_limit_out_of_range_gets_a_400_problem(string limit)
    {
        var (ben, conversationId) = await FiveMessagesAsync();
        using var http = fixture.Http(ben);

        var history = await http.GetAsync(new Uri($"/conversations/{conversationId}/messages?limit={limit}", UriKind.Relative), TestContext.Current.CancellationToken);
        var list = await http.GetAsync(new Uri($"/conversations?limit={limit}", UriKind.Relative), TestContext.Current.CancellationToken);

        await history.AssertProblemAsync(HttpStatusCode.BadRequest);
        await list.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("1 2 3 4 5", Page(await ben.HistoryAsync(conversationId, "?limit=200")));
    }

    /// <summary>A page as its sequence numbers, with "…" when there is more.</summary>
    private static string Page(MessagePage page) =>
        string.Join(' ', page.Messages.Select(message => message.Sequence)) + (page.HasMore ? " …" : "");

    private async Task<(TestUser Reader, Guid ConversationId)> FiveMessagesAsync()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var first = await users[0].SendDirectAsync(users[1], "1");
        for (var i = 2; i <= 5; i++)
            await users[i % 2].SendAsync(first.ConversationId, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (users[1], first.ConversationId);
    }
}
