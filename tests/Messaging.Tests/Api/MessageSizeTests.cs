using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Domain;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>A message envelope holds up to 64 KiB of UTF-8, over REST and over the hub.</summary>
public sealed class MessageSizeTests(MessagingFixture fixture)
{
    private static readonly string AtTheLimit = new('a', MessageBody.DefaultMaxBytes);
    private static readonly string OneByteOver = AtTheLimit + "a";

    [Fact]
    public async Task A_body_of_exactly_64_KiB_is_sent_over_rest_and_the_hub()
    {
        var (ann, ben) = await PairAsync();
        await using var annPhone = await ann.ConnectAsync();

        var overRest = await ann.SendDirectAsync(ben, AtTheLimit);
        var overHub = await annPhone.SendAsync(overRest.ConversationId, AtTheLimit);

        Assert.Equal([AtTheLimit, AtTheLimit], (await ben.HistoryAsync(overRest.ConversationId)).Messages.Select(message => message.Body));
        Assert.Equal(2, overHub.Sequence);
    }

    [Fact]
    public async Task A_body_one_byte_over_64_KiB_is_refused_and_nothing_is_stored()
    {
        var (ann, ben) = await PairAsync();
        var first = await ann.SendDirectAsync(ben, "hello");
        await using var annPhone = await ann.ConnectAsync();
        var before = await fixture.SnapshotAsync(first.ConversationId);

        await (await ann.CallAsync(HttpMethod.Post, $"/conversations/{first.ConversationId}/messages", new { clientMessageId = Guid.NewGuid(), body = OneByteOver }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await ann.CallAsync(HttpMethod.Put, $"/conversations/{first.ConversationId}/messages/1", new { body = OneByteOver }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.SendAsync(first.ConversationId, OneByteOver));
        await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.EditAsync(first.ConversationId, 1, OneByteOver));

        Assert.Equal(before, await fixture.SnapshotAsync(first.ConversationId));
        Assert.Equal("hello", (await annPhone.HistoryAsync(first.ConversationId)).Messages[0].Body);
    }

    [Fact]
    public async Task The_limit_counts_UTF8_bytes_not_characters()
    {
        var (ann, ben) = await PairAsync();
        var first = await ann.SendDirectAsync(ben, "hello");
        var twoBytesEach = new string('ç', (MessageBody.DefaultMaxBytes / 2) + 1);

        var response = await ann.CallAsync(HttpMethod.Post, $"/conversations/{first.ConversationId}/messages", new { clientMessageId = Guid.NewGuid(), body = twoBytesEach });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.Single(await fixture.MessageRowsAsync(first.ConversationId));
    }

    [Fact]
    public async Task A_64_KiB_body_that_JSON_doubles_in_size_still_reaches_the_hub()
    {
        var (ann, ben) = await PairAsync();
        var first = await ann.SendDirectAsync(ben, "hello");
        await using var annPhone = await ann.ConnectAsync();
        // Every JSON writer escapes " and \ with a backslash: the hub message is twice the envelope.
        var escaped = string.Concat(Enumerable.Repeat("\"\\", MessageBody.DefaultMaxBytes / 2));

        var sent = await annPhone.SendAsync(first.ConversationId, escaped);

        Assert.Equal(escaped, (await ben.HistoryAsync(first.ConversationId, "?after=1")).Messages.Single().Body);
        Assert.Equal(2, sent.Sequence);
    }

    private async Task<(TestUser Ann, TestUser Ben)> PairAsync()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        return (users[0], users[1]);
    }
}
