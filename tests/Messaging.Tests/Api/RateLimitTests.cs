using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Each person may send, edit, report receipts and announce typing only so often, counted across
/// all their devices and every replica; over it the hub refuses with <c>rate-limited:</c> and a
/// <c>retry-after=</c> hint, REST with 429, problem details and Retry-After, and nothing is stored.
/// </summary>
public sealed partial class RateLimitTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Sends_over_the_limit_are_refused_on_every_replica_over_the_hub_and_REST_and_nothing_is_stored()
    {
        await using var first = await StartReplicaAsync(("Sends", 3, 0.05));
        await using var second = await StartReplicaAsync(("Sends", 3, 0.05));
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        await using var annPhone = await ann.ConnectAsync(first);
        await using var annLaptop = await ann.ConnectAsync(second);
        using var annOverRest = ann.Http(first);

        var one = await annPhone.SendDirectAsync(ben.Id, "one");
        await annLaptop.SendDirectAsync(ben.Id, "two");
        await (await annOverRest.CallAsync(HttpMethod.Post, $"/conversations/{one.ConversationId}/messages",
            new { clientMessageId = Guid.NewGuid(), body = Envelopes.Direct(ann.Id, ben.Id, "three") })).ReadAsync<object>();

        var refusal = await Refusals.AssertHubRefusesAsync("rate-limited", () => annLaptop.SendDirectAsync(ben.Id, "four"));
        var tooMany = await annOverRest.CallAsync(HttpMethod.Post, $"/conversations/{one.ConversationId}/messages",
            new { clientMessageId = Guid.NewGuid(), body = Envelopes.Direct(ann.Id, ben.Id, "five") });

        Assert.InRange(RetryAfter(refusal), 1, 20);
        await tooMany.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(tooMany.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 20);
        Assert.Equal(["one", "two", "three"], (await fixture.MessageRowsAsync(one.ConversationId)).Select(row => Envelopes.TextOf(row.Body)));
        // Another person's bucket is their own.
        await using var benPhone = await ben.ConnectAsync(second);
        await benPhone.SendDirectAsync(ann.Id, "ben's");
    }

    [Fact]
    public async Task Edits_receipts_and_typing_each_have_a_limit_of_their_own()
    {
        await using var replica = await StartReplicaAsync(("Edits", 2, 0.05), ("Receipts", 2, 0.05), ("Typing", 2, 0.05));
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        await using var annPhone = await ann.ConnectAsync(replica);
        await using var benPhone = await ben.ConnectAsync(replica);
        var sent = await annPhone.SendDirectAsync(ben.Id, "original");

        await annPhone.EditAsync(sent.ConversationId, sent.Sequence, "edit 1");
        await annPhone.EditAsync(sent.ConversationId, sent.Sequence, "edit 2");
        await Refusals.AssertHubRefusesAsync("rate-limited", () => annPhone.EditAsync(sent.ConversationId, sent.Sequence, "edit 3"));
        await benPhone.MarkDeliveredAsync(sent.ConversationId, sent.Sequence);
        await benPhone.MarkReadAsync(sent.ConversationId, sent.Sequence);
        await Refusals.AssertHubRefusesAsync("rate-limited", () => benPhone.MarkReadAsync(sent.ConversationId, sent.Sequence));
        using var benOverRest = ben.Http(replica);
        await (await benOverRest.CallAsync(HttpMethod.Post, $"/conversations/{sent.ConversationId}/receipts", new { readSequence = sent.Sequence }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await annPhone.TypingAsync(sent.ConversationId);
        await annPhone.TypingAsync(sent.ConversationId);
        await Refusals.AssertHubRefusesAsync("rate-limited", () => annPhone.TypingAsync(sent.ConversationId));

        Assert.Equal("edit 2", Envelopes.TextOf(Assert.Single(await fixture.MessageRowsAsync(sent.ConversationId)).Body));
        // Sends have their own bucket: untouched by the edits.
        await annPhone.SendDirectAsync(ben.Id, "still sending");
    }

    [Fact]
    public async Task After_the_hinted_wait_a_refused_send_goes_through()
    {
        await using var replica = await StartReplicaAsync(("Sends", 1, 2));
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        await using var annPhone = await ann.ConnectAsync(replica);
        await annPhone.SendDirectAsync(ben.Id, "one");

        var refusal = await Refusals.AssertHubRefusesAsync("rate-limited", () => annPhone.SendDirectAsync(ben.Id, "two"));
        var wait = RetryAfter(refusal);
        Assert.InRange(wait, 0.01, 0.5);
        await Task.Delay(TimeSpan.FromSeconds(wait));

        Assert.Equal(2, (await annPhone.SendDirectAsync(ben.Id, "two")).Sequence);
    }

    /// <summary>A replica of its own with small buckets: (name under Messaging:RateLimits, burst, per second).</summary>
    private async Task<MessagingReplica> StartReplicaAsync(params (string Bucket, int Burst, double PerSecond)[] buckets)
    {
        var settings = fixture.Settings();
        foreach (var (bucket, burst, perSecond) in buckets)
        {
            settings[$"Messaging:RateLimits:{bucket}:Burst"] = burst.ToString(CultureInfo.InvariantCulture);
            settings[$"Messaging:RateLimits:{bucket}:PerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture);
        }
        var replica = MessagingReplica.Start(settings, fixture.Tokens);
        await replica.WaitUntilReadyAsync();
        return replica;
    }

    private static double RetryAfter(string refusal)
    {
        var hint = RetryAfterHint().Match(refusal);
        Assert.True(hint.Success, $"No retry-after hint in: {refusal}");
        return double.Parse(hint.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"retry-after=([0-9.]+)$")]
    private static partial Regex RetryAfterHint();
}
