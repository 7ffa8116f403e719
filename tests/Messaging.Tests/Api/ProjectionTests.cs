using System.Net.Http.Json;
using ChatApp.Contracts;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;
using Dapper;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>Names come from Identity's events, kept locally: newest change wins, whatever order they arrive in, each event handled once.</summary>
public sealed class ProjectionTests(MessagingFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_changed_display_name_shows_in_conversations()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync();
        var group = await alicePhone.CreateGroupAsync("Names", bob);
        var direct = (await alicePhone.SendDirectAsync(bob.Id, "envelope-hi")).ConversationId;

        await fixture.Events.PublishAsync(new UserProfileChanged(bob.Id, bob.Username, "Robert", DateTimeOffset.UtcNow));

        await Eventually.HoldsAsync(async () => await DisplayNameInAsync(alice, group.Id, bob) == "Robert", Patience,
            () => "The group never showed Bob's new name.");
        using var http = alice.Http(fixture.Secondary);
        var list = await http.GetFromJsonAsync<ConversationPage>(new Uri("/conversations", UriKind.Relative));
        Assert.Equal("Robert", Assert.Single(list!.Conversations, c => c.Id == direct).Peer!.DisplayName);
    }

    [Fact]
    public async Task An_older_profile_change_arriving_after_a_newer_one_does_not_overwrite_it()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync();
        var group = await alicePhone.CreateGroupAsync("Order", bob);
        var now = DateTimeOffset.UtcNow;

        await fixture.Events.PublishAsync(new UserProfileChanged(bob.Id, bob.Username, "Newer", now.AddSeconds(2)));
        await Eventually.HoldsAsync(async () => await DisplayNameInAsync(alice, group.Id, bob) == "Newer", Patience,
            () => "The newer name never arrived.");
        var older = await fixture.Events.PublishAsync(new UserProfileChanged(bob.Id, "renamed" + bob.Username[7..], "Older", now.AddSeconds(1)));

        // Handled (its inbox row committed with the handler's changes), and changed nothing.
        await Eventually.HoldsAsync(async () => await InboxRowsAsync(older) == 1, Patience, () => "The older change was never handled.");
        Assert.Equal("Newer", await DisplayNameInAsync(alice, group.Id, bob));
        var row = await fixture.KnownUserAsync(bob.Id);
        Assert.Equal((bob.Username, "Newer"), (row!.Username, row.DisplayName));
    }

    [Fact]
    public async Task An_event_delivered_twice_is_handled_once()
    {
        var alice = await fixture.CreateUserAsync("Alice");
        var bob = await fixture.CreateUserAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync();
        var group = await alicePhone.CreateGroupAsync("Twice", bob);
        // Redeliveries are recognised (and logged) by the inbox in front of every handler.
        using var logs = new LogWatch("ChatApp.BuildingBlocks.Eventing.Inbox");
        var changed = new UserProfileChanged(bob.Id, bob.Username, "Once", DateTimeOffset.UtcNow);

        var messageId = await fixture.Events.PublishAsync(changed);
        await Eventually.HoldsAsync(async () => await DisplayNameInAsync(alice, group.Id, bob) == "Once", Patience,
            () => "The change never arrived.");
        await fixture.Events.PublishAsync(changed, messageId);
        // The broker redelivering it is indistinguishable from this: same id, whatever it carries.
        await fixture.Events.PublishAsync(changed with { DisplayName = "Twice", OccurredAt = changed.OccurredAt.AddMinutes(1) }, messageId);

        await Eventually.HoldsAsync(() => logs.Lines.Count(line => line.Contains($"{messageId} was already handled", StringComparison.Ordinal)) == 2,
            Patience, () => "The redeliveries were not recognised.");
        Assert.Equal(1, await InboxRowsAsync(messageId));
        Assert.Equal("Once", await DisplayNameInAsync(alice, group.Id, bob));
    }

    private static async Task<string?> DisplayNameInAsync(TestUser asker, Guid conversationId, TestUser member)
    {
        using var http = asker.Http();
        var detail = await http.GetFromJsonAsync<ConversationDetail>(new Uri($"/conversations/{conversationId}", UriKind.Relative));
        return detail!.Members.Single(m => m.UserId == member.Id).DisplayName;
    }

    private async Task<long> InboxRowsAsync(Guid messageId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId });
    }
}
