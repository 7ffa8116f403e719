using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// People outside a conversation: they are told it does not exist (404, hub <c>not-found:</c>),
/// exactly as for one that does not, and nothing they try changes anything. Rights inside a group
/// are in <see cref="RoleTests"/>.
/// </summary>
public sealed class AuthorizationTests(MessagingFixture fixture)
{
    private const string NotFoundTitle = "Conversation not found";

    [Fact]
    public async Task A_non_member_cannot_send_to_a_conversation()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var outsider = await scene.Outsider.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(scene.Id), async () =>
        {
            await Refusals.AssertHubRefusesAsync("not-found", () => outsider.SendAsync(scene.Id, "intrusion"));
            await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Post, $"/conversations/{scene.Id}/messages",
                new { clientMessageId = Guid.NewGuid(), body = await fixture.ForConversationAsync(scene.Outsider.Id, scene.Id, "intrusion") }));
        });
    }

    [Fact]
    public async Task A_non_member_cannot_read_the_history()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var outsider = await scene.Outsider.ConnectAsync();

        await Refusals.AssertHubRefusesAsync("not-found", () => outsider.HistoryAsync(scene.Id));
        await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Get, $"/conversations/{scene.Id}/messages"));
        await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Get, $"/conversations/{scene.Id}/messages?after=0"));
    }

    [Fact]
    public async Task A_non_member_cannot_read_the_conversation_and_it_answers_as_one_that_does_not_exist()
    {
        var scene = await GroupScene.StartAsync(fixture);

        var existing = await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Get, $"/conversations/{scene.Id}"));
        var missing = await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Get, $"/conversations/{Guid.NewGuid()}"));

        Assert.Equal(missing.GetProperty("detail").GetString(), existing.GetProperty("detail").GetString());
        Assert.Empty((await scene.Outsider.ConversationListAsync()).Conversations);
    }

    [Fact]
    public async Task A_non_member_cannot_read_the_receipts_of_a_message()
    {
        var scene = await GroupScene.StartAsync(fixture);

        await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Get, $"/conversations/{scene.Id}/messages/1/receipts"));
    }

    [Fact]
    public async Task A_non_member_cannot_mark_messages_delivered_or_read()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var outsider = await scene.Outsider.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(scene.Id), async () =>
        {
            await Refusals.AssertHubRefusesAsync("not-found", () => outsider.MarkDeliveredAsync(scene.Id, 1));
            await Refusals.AssertHubRefusesAsync("not-found", () => outsider.MarkReadAsync(scene.Id, 1));
            await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Post, $"/conversations/{scene.Id}/receipts",
                new { deliveredSequence = 1, readSequence = 1 }));
        });

        Assert.Equal(0, await fixture.MembershipCountAsync(scene.Outsider));
    }

    [Fact]
    public async Task A_non_member_cannot_announce_typing()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var outsider = await scene.Outsider.ConnectAsync();
        await using var otherMember = await scene.OtherMember.ConnectAsync();

        await Refusals.AssertHubRefusesAsync("not-found", () => outsider.TypingAsync(scene.Id));

        // A member's typing reaches the other member's device after anything the refused call could have pushed.
        await using var member = await scene.Member.ConnectAsync();
        await member.TypingAsync(scene.Id);
        await ChatClient.WaitForAsync(otherMember.Typing, typing => typing.UserId == scene.Member.Id, "member's typing");
        Assert.DoesNotContain(otherMember.Typing, typing => typing.UserId == scene.Outsider.Id);
    }

    [Fact]
    public async Task A_non_member_cannot_edit_or_delete_a_message()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var outsider = await scene.Outsider.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(scene.Id), async () =>
        {
            await Refusals.AssertHubRefusesAsync("not-found", () => outsider.EditAsync(scene.Id, 1, "forged"));
            await Refusals.AssertHubRefusesAsync("not-found", () => outsider.DeleteAsync(scene.Id, 1));
            await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Put, $"/conversations/{scene.Id}/messages/1",
                new { body = await fixture.ForConversationAsync(scene.Outsider.Id, scene.Id, "forged") }));
            await AssertNotFoundAsync(await scene.Outsider.CallAsync(HttpMethod.Delete, $"/conversations/{scene.Id}/messages/1"));
        });
    }

    [Theory]
    [InlineData("rename")]
    [InlineData("add")]
    [InlineData("remove")]
    [InlineData("role")]
    [InlineData("hand over")]
    [InlineData("leave")]
    [InlineData("delete")]
    public async Task A_non_member_cannot_manage_a_group(string action)
    {
        var scene = await GroupScene.StartAsync(fixture);

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(scene.Id), async () =>
            await AssertNotFoundAsync(await GroupActions.CallAsync(scene.Outsider, scene.Id, action, target: scene.Member)));
    }

    [Fact]
    public async Task A_removed_member_can_no_longer_send_or_read()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var removed = await scene.Member.ConnectAsync();

        Assert.Equal(HttpStatusCode.OK, (await scene.Owner.CallAsync(HttpMethod.Delete, $"/groups/{scene.Id}/members/{scene.Member.Id}")).StatusCode);
        await ChatClient.WaitForAsync(removed.Removed, gone => gone.ConversationId == scene.Id, "removal");

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(scene.Id), async () =>
        {
            await Refusals.AssertHubRefusesAsync("not-found", () => removed.SendAsync(scene.Id, "still here?"));
            await AssertNotFoundAsync(await scene.Member.CallAsync(HttpMethod.Post, $"/conversations/{scene.Id}/messages",
                new { clientMessageId = Guid.NewGuid(), body = await fixture.ForConversationAsync(scene.Member.Id, scene.Id, "still here?") }));
            await Refusals.AssertHubRefusesAsync("not-found", () => removed.HistoryAsync(scene.Id));
            await AssertNotFoundAsync(await scene.Member.CallAsync(HttpMethod.Get, $"/conversations/{scene.Id}/messages"));
            await AssertNotFoundAsync(await scene.Member.CallAsync(HttpMethod.Get, $"/conversations/{scene.Id}"));
            await Refusals.AssertHubRefusesAsync("not-found", () => removed.EditAsync(scene.Id, scene.MembersMessage.Sequence, "rewritten"));
        });

        var sync = await removed.SyncAsync(new SyncCursor(scene.Id, 0));
        Assert.Equal([scene.Id], sync.Removed);
        Assert.Empty(sync.Conversations);
    }

    [Theory]
    [InlineData("rename")]
    [InlineData("add")]
    [InlineData("remove")]
    [InlineData("role")]
    [InlineData("hand over")]
    [InlineData("leave")]
    [InlineData("delete")]
    public async Task Nobody_can_manage_or_leave_a_direct_conversation(string action)
    {
        var users = await fixture.CreateUsersAsync("Ada", "Bo", "Cy");
        var (ada, bo, cy) = (users[0], users[1], users[2]);
        var first = await ada.SendDirectAsync(bo, "hi");

        var problem = await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(first.ConversationId),
            () => GroupActions.CallAsync(ada, first.ConversationId, action, target: action == "add" ? cy : bo), HttpStatusCode.Conflict);

        Assert.Equal("Not a group", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Every_call_needs_a_token()
    {
        var scene = await GroupScene.StartAsync(fixture);
        using var anonymous = new HttpClient { BaseAddress = fixture.Primary.Address };

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, "/conversations"), (HttpMethod.Get, $"/conversations/{scene.Id}"),
                     (HttpMethod.Get, $"/conversations/{scene.Id}/messages"), (HttpMethod.Post, $"/conversations/{scene.Id}/messages"),
                     (HttpMethod.Post, $"/direct/{scene.Owner.Id}/messages"), (HttpMethod.Post, "/groups"), (HttpMethod.Delete, $"/groups/{scene.Id}"),
                     (HttpMethod.Post, "/sync"), (HttpMethod.Get, "/presence"),
                 })
        {
            var response = await anonymous.CallAsync(method, path, new { });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }

        var hub = new HubConnectionBuilder()
            .WithUrl(fixture.Primary.HubAddress, options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        await using (hub)
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
            Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        }

        Assert.Single(await fixture.MessageRowsAsync(scene.Id));
    }

    private static async Task<System.Text.Json.JsonElement> AssertNotFoundAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(NotFoundTitle, problem.GetProperty("title").GetString());
        return problem;
    }
}
