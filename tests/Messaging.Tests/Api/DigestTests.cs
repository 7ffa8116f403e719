using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Contracts;
using ChatApp.Messaging.Api;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Unread digests: a member who is offline with messages unread for longer than
/// <see cref="MessagingFixture.DigestAfter"/> is announced once (<see cref="UnreadMessagesWaiting"/>,
/// through the outbox to the broker); online members and those who read in time are not.
/// </summary>
public sealed class DigestTests(MessagingFixture fixture)
{
    private const string Event = nameof(UnreadMessagesWaiting);

    [Fact]
    public async Task An_offline_member_with_messages_unread_too_long_is_announced_once_and_again_for_a_later_message()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");     // offline throughout
        var carol = await fixture.CreateUserAsync("Carol"); // online throughout
        var dave = await fixture.CreateUserAsync("Dave");   // offline, reads in time (through REST)
        var erin = await fixture.CreateUserAsync("Erin");   // offline, written to directly later
        await using var alicePhone = await alice.ConnectAsync(fixture.Primary);
        await using var carolPhone = await carol.ConnectAsync(fixture.Secondary);
        var group = await alicePhone.CreateGroupAsync("Book club", bob, carol, dave);
        var startedAt = DateTimeOffset.UtcNow;
        await alicePhone.SendAsync(group.Id, "envelope-1");
        await alicePhone.SendAsync(group.Id, "envelope-2");
        await carolPhone.SendAsync(group.Id, "envelope-3");
        using var daveHttp = dave.Http();
        (await daveHttp.PostAsJsonAsync(new Uri($"/conversations/{group.Id}/receipts", UriKind.Relative), new ReceiptRequest(null, 3)))
            .EnsureSuccessStatusCode();

        var forBob = await fixture.Published.WaitForAsync(Event, e => RecipientOf(e) == bob.Id);
        Assert.True(DateTimeOffset.UtcNow - startedAt >= MessagingFixture.DigestAfter, "The digest went out before the messages were due.");
        var unread = Assert.Single(forBob.GetProperty("conversations").EnumerateArray());
        Assert.Equal(group.Id, unread.GetProperty("conversationId").GetGuid());
        Assert.Equal("Book club", unread.GetProperty("groupName").GetString());
        Assert.Equal(3, unread.GetProperty("unreadCount").GetInt32());
        Assert.Equal([alice.Id, carol.Id], SendersOf(unread).Order());

        // A direct message to Erin, due a digest interval later: by the time hers arrives, both
        // replicas have scanned several more times.
        var toErin = await alicePhone.SendDirectAsync(erin.Id, "envelope-direct");
        var forErin = await fixture.Published.WaitForAsync(Event, e => RecipientOf(e) == erin.Id);
        var direct = Assert.Single(forErin.GetProperty("conversations").EnumerateArray());
        Assert.Equal(toErin.ConversationId, direct.GetProperty("conversationId").GetGuid());
        Assert.Equal(JsonValueKind.Null, direct.GetProperty("groupName").ValueKind);
        Assert.Equal(1, direct.GetProperty("unreadCount").GetInt32());
        Assert.Equal([alice.Id], SendersOf(direct));

        Assert.Single(Digests(bob));
        Assert.Empty(Digests(carol));
        Assert.Empty(Digests(dave));
        Assert.Empty(Digests(alice));

        // A new message later: a new digest, about it alone; Dave has not read this one.
        await alicePhone.SendAsync(group.Id, "envelope-4");
        await Eventually(() => Digests(bob).Count == 2 && Digests(dave).Count == 1, "the digests about the fourth message");
        var again = Assert.Single(Digests(bob)[1].GetProperty("conversations").EnumerateArray());
        Assert.Equal((1, group.Id), (again.GetProperty("unreadCount").GetInt32(), again.GetProperty("conversationId").GetGuid()));
        var forDave = Assert.Single(Digests(dave)[0].GetProperty("conversations").EnumerateArray());
        Assert.Equal([alice.Id], SendersOf(forDave));
        Assert.Empty(Digests(carol));
    }

    private List<JsonElement> Digests(TestUser user) => [.. fixture.Published.All(Event, e => RecipientOf(e) == user.Id)];

    private static Guid RecipientOf(JsonElement digest) => digest.GetProperty("recipientId").GetGuid();

    private static IEnumerable<Guid> SendersOf(JsonElement conversation) =>
        conversation.GetProperty("senderIds").EnumerateArray().Select(id => id.GetGuid());

    private static Task Eventually(Func<bool> condition, string what) =>
        Testing.Eventually.HoldsAsync(condition, TimeSpan.FromSeconds(20), () => $"Not seen: {what}.");
}
