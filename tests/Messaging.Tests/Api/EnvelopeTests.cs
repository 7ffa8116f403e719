using System.Net;
using System.Text.Json.Nodes;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Messaging refuses a malformed envelope, or one not addressed to exactly the conversation's
/// members, wherever a body arrives: a message to a group, an edit, the first message to someone
/// and one into an existing direct conversation, over REST (400 naming <c>body</c>) and over the
/// hub (<c>invalid:</c> … <c>body:</c>), saying what is wrong, and nothing is stored or made.
/// </summary>
public sealed class EnvelopeTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused() =>
        await AssertRefusedEverywhereAsync(new Spoilt(_ => "hello, in plain text", _ => "The body is not JSON: the envelope must be a JSON object."));

    [Fact]
    public async Task An_envelope_of_version_0_is_refused() =>
        await AssertRefusedEverywhereAsync(new Spoilt(
            target => Spoil(target, envelope => envelope["v"] = 0),
            _ => "Unsupported envelope version 0."));

    [Fact]
    public async Task An_envelope_missing_a_property_is_refused() =>
        await AssertRefusedEverywhereAsync(new Spoilt(
            target => Spoil(target, envelope => envelope.Remove("sig")),
            _ => "The envelope has no \"sig\"."));

    [Fact]
    public async Task An_envelope_with_an_unknown_property_is_refused() =>
        await AssertRefusedEverywhereAsync(new Spoilt(
            target => Spoil(target, envelope => envelope["text"] = "what the server must never read"),
            _ => "The envelope has an unknown property \"text\"."));

    [Fact]
    public async Task An_envelope_with_bytes_of_the_wrong_length_is_refused() =>
        await AssertRefusedEverywhereAsync(
            new Spoilt(target => Spoil(target, envelope => envelope["iv"] = TestEnvelope.RandomBase64Url(11)), _ => "The envelope's iv must be 12 bytes, not 11."),
            new Spoilt(target => Spoil(target, envelope => envelope["sig"] = TestEnvelope.RandomBase64Url(63)), _ => "The envelope's sig must be 64 bytes, not 63."),
            new Spoilt(target => Spoil(target, envelope => envelope["epk"] = TestEnvelope.RandomBase64Url(64)), _ => "The envelope's epk must be 65 bytes, not 64."));

    [Fact]
    public async Task An_envelope_naming_another_sender_is_refused() =>
        await AssertRefusedEverywhereAsync(new Spoilt(
            target => Spoil(target, envelope => envelope["sender"] = target.Other.ToString()),
            target => $"The envelope names {target.Other} as its sender, but {target.Sender} is sending it."));

    [Fact]
    public async Task An_envelope_without_a_key_for_a_member_is_refused() =>
        await AssertRefusedEverywhereAsync(new Spoilt(
            target => TestEnvelope.Build(target.Sender, target.Members.Where(member => member != target.Other)),
            target => $"The envelope has no key for member {target.Other}."));

    [Fact]
    public async Task An_envelope_with_a_key_for_someone_who_is_not_a_member_is_refused() =>
        await AssertRefusedEverywhereAsync(new Spoilt(
            target => TestEnvelope.Build(target.Sender, [.. target.Members, target.Outsider]),
            target => $"The envelope has a key for {target.Outsider}, who is not a member of the conversation."));

    [Fact]
    public async Task An_envelope_with_two_keys_for_a_member_is_refused() =>
        await AssertRefusedEverywhereAsync(new Spoilt(
            target => Spoil(target, envelope =>
            {
                var keys = (JsonArray)envelope["keys"]!;
                keys.Add(keys[^1]!.DeepClone());
            }),
            target => $"The envelope has more than one key for {target.Other}."));

    [Fact]
    public async Task Keys_follow_the_members_when_sent_or_edited_not_when_the_message_was_first_sent()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben", "Cem", "Dan");
        var (ann, ben, cem, dan) = (users[0], users[1], users[2], users[3]);
        var group = await ann.CreateGroupAsync("Comings and goings", ben, cem);
        var first = await ann.SendAsync(group.Id, "to the three of us");
        await using var annPhone = await ann.ConnectAsync();

        // Cem is removed: what is sent or edited afterwards must give him no key.
        (await ann.CallAsync(HttpMethod.Delete, $"/groups/{group.Id}/members/{cem.Id}")).EnsureSuccessStatusCode();
        var stillForCem = Envelopes.For(ann, [ann, ben, cem], "for Cem too");
        var problem = $"The envelope has a key for {cem.Id}, who is not a member of the conversation.";
        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(group.Id), async () =>
        {
            Assert.Contains(problem, await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.SendBodyAsync(group.Id, stillForCem)), StringComparison.Ordinal);
            Assert.Contains(problem, await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.EditBodyAsync(group.Id, first.Sequence, stillForCem)), StringComparison.Ordinal);
        });
        var withoutCem = await annPhone.SendBodyAsync(group.Id, Envelopes.For(ann, [ann, ben], "without Cem"));
        Assert.Equal("without Cem", Envelopes.TextOf(withoutCem.Body));

        // Dan joins: an edit of the first message, sent before he came, must now give him a key.
        await ann.AddMembersAsync(group.Id, dan);
        var refused = await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(group.Id),
            () => ann.CallAsync(HttpMethod.Put, $"/conversations/{group.Id}/messages/{first.Sequence}", new { body = Envelopes.For(ann, [ann, ben], "edited") }),
            HttpStatusCode.BadRequest, "body");
        Assert.Equal($"The envelope has no key for member {dan.Id}.", refused.GetProperty("errors").GetProperty("body")[0].GetString());
        var edited = await annPhone.EditBodyAsync(group.Id, first.Sequence, Envelopes.For(ann, [ann, ben, dan], "edited"));
        Assert.Equal("edited", Envelopes.TextOf(edited.Body));
    }

    /// <summary>
    /// Where a body goes: who sends it, the members it should be for (the sender first), the one
    /// of them a spoilt envelope names (the last), and someone who is not a member.
    /// </summary>
    private sealed record Target(Guid Sender, IReadOnlyList<Guid> Members, Guid Outsider)
    {
        public Guid Other => Members[^1];
    }

    /// <summary>A bad body for a target and the problem the server must name.</summary>
    private sealed record Spoilt(Func<Target, string> Body, Func<Target, string> Problem);

    private static string Spoil(Target target, Action<JsonObject> spoil)
    {
        var envelope = TestEnvelope.Node(target.Sender, target.Members, "spoilt");
        spoil(envelope);
        return envelope.ToJsonString();
    }

    /// <summary>
    /// Ann sends each spoilt body to a group (Ann, Ben, Cem), as an edit of her message there, as a
    /// first message to Dan, and into her direct conversation with Ben; over REST and the hub.
    /// </summary>
    private async Task AssertRefusedEverywhereAsync(params Spoilt[] cases)
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben", "Cem", "Dan", "Eve");
        var (ann, ben, cem, dan, eve) = (users[0], users[1], users[2], users[3], users[4]);
        var group = await ann.CreateGroupAsync("Envelopes", ben, cem);
        var mine = await ann.SendAsync(group.Id, "mine");
        var withBen = (await ann.SendDirectAsync(ben, "hi Ben")).ConversationId;
        await using var annPhone = await ann.ConnectAsync();

        var inGroup = new Target(ann.Id, [ann.Id, ben.Id, cem.Id], eve.Id);
        var toDan = new Target(ann.Id, [ann.Id, dan.Id], eve.Id);
        var toBen = new Target(ann.Id, [ann.Id, ben.Id], eve.Id);
        await Refusals.AssertUnchangedAsync(() => StateAsync(group.Id, withBen, ann, dan), async () =>
        {
            foreach (var (body, problem) in cases)
            {
                await AssertRestRefusesAsync(problem(inGroup), ann.CallAsync(HttpMethod.Post, $"/conversations/{group.Id}/messages", new { clientMessageId = Guid.NewGuid(), body = body(inGroup) }));
                await AssertRestRefusesAsync(problem(inGroup), ann.CallAsync(HttpMethod.Put, $"/conversations/{group.Id}/messages/{mine.Sequence}", new { body = body(inGroup) }));
                await AssertRestRefusesAsync(problem(toDan), ann.CallAsync(HttpMethod.Post, $"/direct/{dan.Id}/messages", new { clientMessageId = Guid.NewGuid(), body = body(toDan) }));
                await AssertRestRefusesAsync(problem(toBen), ann.CallAsync(HttpMethod.Post, $"/direct/{ben.Id}/messages", new { clientMessageId = Guid.NewGuid(), body = body(toBen) }));

                await AssertHubRefusesAsync(problem(inGroup), () => annPhone.SendBodyAsync(group.Id, body(inGroup)));
                await AssertHubRefusesAsync(problem(inGroup), () => annPhone.EditBodyAsync(group.Id, mine.Sequence, body(inGroup)));
                await AssertHubRefusesAsync(problem(toDan), () => annPhone.SendDirectBodyAsync(dan.Id, body(toDan)));
                await AssertHubRefusesAsync(problem(toBen), () => annPhone.SendDirectBodyAsync(ben.Id, body(toBen)));
            }
        });
    }

    private static async Task AssertRestRefusesAsync(string problem, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var refusal = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.Equal(problem, Assert.Single(refusal.GetProperty("errors").GetProperty("body").EnumerateArray()).GetString());
    }

    private static async Task AssertHubRefusesAsync(string problem, Func<Task> call)
    {
        var message = await Refusals.AssertHubRefusesAsync("invalid", call);
        Assert.Contains($" body: {problem}", message, StringComparison.Ordinal);
    }

    /// <summary>The group and the direct conversation as stored, and whether Ann and Dan have a conversation (and Dan any).</summary>
    private async Task<string> StateAsync(Guid groupId, Guid directId, TestUser ann, TestUser dan) =>
        $"{await fixture.SnapshotAsync(groupId)} {await fixture.SnapshotAsync(directId)} " +
        $"{await fixture.DirectConversationCountAsync(ann.Id, dan.Id)} {await fixture.MembershipCountAsync(dan)}";
}
