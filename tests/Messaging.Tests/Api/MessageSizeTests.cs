using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Domain;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>A message envelope holds up to 64 KiB of UTF-8, over REST and over the hub.</summary>
public sealed class MessageSizeTests(MessagingFixture fixture)
{
    private static readonly System.Text.Json.JsonSerializerOptions AsBrowsersWriteIt =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task A_body_of_exactly_64_KiB_is_sent_over_rest_and_the_hub()
    {
        var (ann, ben) = await PairAsync();
        await using var annPhone = await ann.ConnectAsync();
        var atTheLimit = Envelopes.OfSize(ann.Id, [ann.Id, ben.Id], MessageBody.DefaultMaxBytes);

        var overRest = await ann.SendDirectBodyAsync(ben, atTheLimit);
        var overHub = await annPhone.SendBodyAsync(overRest.ConversationId, atTheLimit);

        Assert.Equal([atTheLimit, atTheLimit], (await ben.HistoryAsync(overRest.ConversationId)).Messages.Select(message => message.Body));
        Assert.Equal(2, overHub.Sequence);
    }

    [Fact]
    public async Task A_body_one_byte_over_64_KiB_is_refused_and_nothing_is_stored()
    {
        var (ann, ben) = await PairAsync();
        var first = await ann.SendDirectAsync(ben, "hello");
        await using var annPhone = await ann.ConnectAsync();
        // A valid envelope but for its size.
        var oneByteOver = Envelopes.OfSize(ann.Id, [ann.Id, ben.Id], MessageBody.DefaultMaxBytes + 1);

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(first.ConversationId), async () =>
        {
            await (await ann.CallAsync(HttpMethod.Post, $"/conversations/{first.ConversationId}/messages", new { clientMessageId = Guid.NewGuid(), body = oneByteOver }))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "body");
            await (await ann.CallAsync(HttpMethod.Put, $"/conversations/{first.ConversationId}/messages/1", new { body = oneByteOver }))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "body");
            await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.SendBodyAsync(first.ConversationId, oneByteOver));
            await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.EditBodyAsync(first.ConversationId, 1, oneByteOver));
        });

        Assert.Equal("hello", Envelopes.TextOf((await annPhone.HistoryAsync(first.ConversationId)).Messages[0].Body));
    }

    [Fact]
    public async Task The_limit_counts_UTF8_bytes_not_characters()
    {
        var (ann, ben) = await PairAsync();
        var first = await ann.SendDirectAsync(ben, "hello");
        var twoBytesEach = new string('ç', (MessageBody.DefaultMaxBytes / 2) + 1);

        // Written as a browser's JSON.stringify writes it, in UTF-8 rather than \u-escaped (six bytes a
        // character, which would make the request too large for the endpoint before its body is looked at).
        var json = System.Text.Json.JsonSerializer.Serialize(new { clientMessageId = Guid.NewGuid(), body = twoBytesEach }, AsBrowsersWriteIt);
        var response = await ann.CallAsync(HttpMethod.Post, $"/conversations/{first.ConversationId}/messages",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        // Refused for its size (checked first), not for not being an envelope.
        Assert.Contains("at most", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(await fixture.MessageRowsAsync(first.ConversationId));
    }

    [Fact]
    public async Task A_64_KiB_body_that_JSON_doubles_in_size_still_reaches_the_hub()
    {
        var (ann, ben) = await PairAsync();
        var first = await ann.SendDirectAsync(ben, "hello");
        await using var annPhone = await ann.ConnectAsync();
        // JSON whitespace may pad an envelope, and every JSON writer escapes a newline as \n: the
        // hub message is nearly twice the envelope.
        var envelope = Envelopes.Direct(ann.Id, ben.Id, "padded");
        var escaped = envelope + new string('\n', MessageBody.DefaultMaxBytes - envelope.Length);

        var sent = await annPhone.SendBodyAsync(first.ConversationId, escaped);

        Assert.Equal(escaped, (await ben.HistoryAsync(first.ConversationId, "?after=1")).Messages.Single().Body);
        Assert.Equal(2, sent.Sequence);
    }

    private async Task<(TestUser Ann, TestUser Ben)> PairAsync()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        return (users[0], users[1]);
    }
}
