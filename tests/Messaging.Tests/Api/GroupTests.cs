using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Domain;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>A group's life: created with members, renamed, people added and removed, leaving, and its end.</summary>
public sealed class GroupTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Creating_a_group_with_members_makes_me_its_owner_and_tells_every_member()
    {
        var users = await fixture.CreateUsersAsync("Olga", "Ann", "Ben");
        var (olga, ann, ben) = (users[0], users[1], users[2]);
        await using var olgaPhone = await olga.ConnectAsync();
        await using var annPhone = await ann.ConnectAsync();
        await using var benLaptop = await ben.ConnectAsync(fixture.Secondary);

        var group = await olgaPhone.CreateGroupAsync("  Book club  ", ann, ben);

        Assert.Equal(ConversationKind.Group, group.Kind);
        Assert.Equal("Book club", group.Name);
        Assert.Equal(
            [(olga.Id, MemberRole.Owner, "Olga"), (ann.Id, MemberRole.Member, "Ann"), (ben.Id, MemberRole.Member, "Ben")],
            group.Members.Select(member => (member.UserId, member.Role, member.DisplayName)).OrderByDescending(member => member.Role).ThenBy(member => member.DisplayName));
        foreach (var device in new[] { olgaPhone, annPhone, benLaptop })
        {
            var pushed = await ChatClient.WaitForAsync(device.Conversations, conversation => conversation.Id == group.Id, $"new group for {device.User}");
            Assert.Equal(3, pushed.Members.Count);
        }

        var annsLine = Assert.Single((await ann.ConversationListAsync()).Conversations);
        Assert.Equal((group.Id, "Book club", MemberRole.Member, 3, 0L), (annsLine.Id, annsLine.Name, annsLine.MyRole, annsLine.MemberCount, annsLine.UnreadCount));
    }

    [Fact]
    public async Task An_admin_renames_the_group_and_every_member_hears_of_it()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var memberPhone = await scene.Member.ConnectAsync();

        var renamed = await (await scene.Admin.CallAsync(HttpMethod.Patch, $"/groups/{scene.Id}", new { name = " Reading circle " }))
            .ReadAsync<ConversationDetail>();

        Assert.Equal("Reading circle", renamed.Name);
        await ChatClient.WaitForAsync(memberPhone.Conversations, conversation => conversation.Name == "Reading circle", "renamed group");
        Assert.Equal("Reading circle", (await fixture.ConversationRowAsync(scene.Id))!.Name);
    }

    [Fact]
    public async Task A_member_added_later_sees_the_history_from_when_they_joined()
    {
        var users = await fixture.CreateUsersAsync("Olga", "Ann", "Newcomer");
        var (olga, ann, newcomer) = (users[0], users[1], users[2]);
        var group = await olga.CreateGroupAsync("Before and after", ann);
        await ann.SendAsync(group.Id, "before 1");
        await olga.SendAsync(group.Id, "before 2");
        await using var newcomerPhone = await newcomer.ConnectAsync();

        var added = await olga.AddMembersAsync(group.Id, newcomer);

        Assert.Equal(MemberRole.Member, added.Members.Single(member => member.UserId == newcomer.Id).Role);
        await ChatClient.WaitForAsync(newcomerPhone.Conversations, conversation => conversation.Id == group.Id, "group joined");
        var nothingYet = await newcomer.HistoryAsync(group.Id);
        Assert.Empty(nothingYet.Messages);
        Assert.False(nothingYet.HasMore);
        Assert.Equal(0, Assert.Single((await newcomer.ConversationListAsync()).Conversations).UnreadCount);
        Assert.Empty(Assert.Single((await newcomerPhone.SyncAsync()).Conversations).Messages);
        await (await newcomer.CallAsync(HttpMethod.Get, $"/conversations/{group.Id}/messages/2/receipts")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await newcomer.CallAsync(HttpMethod.Post, $"/conversations/{group.Id}/messages",
            new { clientMessageId = Guid.NewGuid(), body = await fixture.ForConversationAsync(newcomer.Id, group.Id, "re: before 2"), replyToSequence = 2 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "replyToSequence");

        var after = await ann.SendAsync(group.Id, "after");
        var history = await newcomer.HistoryAsync(group.Id);
        Assert.Equal([(3L, "after")], history.Messages.Select(message => (message.Sequence, Envelopes.TextOf(message.Body))));
        Assert.Equal(1, Assert.Single((await newcomer.ConversationListAsync()).Conversations).UnreadCount);
        Assert.Equal(after.Sequence, (await ChatClient.WaitForAsync(newcomerPhone.Received, message => message.ConversationId == group.Id, "message after joining")).Sequence);
    }

    [Fact]
    public async Task An_admin_adds_and_removes_plain_members_and_the_removed_one_is_told()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var outsiderPhone = await scene.Outsider.ConnectAsync();
        await using var ownerPhone = await scene.Owner.ConnectAsync();

        var added = await scene.Admin.AddMembersAsync(scene.Id, scene.Outsider);
        Assert.Contains(added.Members, member => member.UserId == scene.Outsider.Id);
        await ChatClient.WaitForAsync(outsiderPhone.Conversations, conversation => conversation.Id == scene.Id, "group joined");

        var removed = await (await scene.Admin.CallAsync(HttpMethod.Delete, $"/groups/{scene.Id}/members/{scene.Outsider.Id}")).ReadAsync<ConversationDetail>();

        Assert.DoesNotContain(removed.Members, member => member.UserId == scene.Outsider.Id);
        await ChatClient.WaitForAsync(outsiderPhone.Removed, gone => gone.ConversationId == scene.Id, "removal");
        await ChatClient.WaitForAsync(ownerPhone.Conversations, conversation => conversation.Id == scene.Id && conversation.Members.Count == 4, "group without the removed member");
        Assert.DoesNotContain(await fixture.MemberRowsAsync(scene.Id), member => member.UserId == scene.Outsider.Id);
    }

    [Fact]
    public async Task The_owner_removes_an_admin()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var adminPhone = await scene.Admin.ConnectAsync();

        var removed = await (await scene.Owner.CallAsync(HttpMethod.Delete, $"/groups/{scene.Id}/members/{scene.Admin.Id}")).ReadAsync<ConversationDetail>();

        Assert.DoesNotContain(removed.Members, member => member.UserId == scene.Admin.Id);
        await ChatClient.WaitForAsync(adminPhone.Removed, gone => gone.ConversationId == scene.Id, "removal");
    }

    [Fact]
    public async Task A_member_leaves_and_the_others_see_them_gone()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var memberPhone = await scene.Member.ConnectAsync();
        await using var ownerPhone = await scene.Owner.ConnectAsync();

        var response = await scene.Member.CallAsync(HttpMethod.Post, $"/groups/{scene.Id}/leave", new { });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ChatClient.WaitForAsync(memberPhone.Removed, gone => gone.ConversationId == scene.Id, "removal after leaving");
        await ChatClient.WaitForAsync(ownerPhone.Conversations,
            conversation => conversation.Id == scene.Id && conversation.Members.All(member => member.UserId != scene.Member.Id), "group without the leaver");
        Assert.Empty((await scene.Member.ConversationListAsync()).Conversations);
        // Their messages stay for the others.
        Assert.Equal(scene.MembersMessage.Body, Assert.Single((await scene.Owner.HistoryAsync(scene.Id)).Messages).Body);
    }

    [Fact]
    public async Task When_the_owner_leaves_the_admin_who_joined_first_inherits_the_group()
    {
        var users = await fixture.CreateUsersAsync("Olga", "Oldest member", "Admin A", "Admin B");
        var (olga, oldestMember) = (users[0], users[1]);
        // The earlier admin has the larger id, so only their joining time can make them the heir.
        var (firstAdmin, laterAdmin) = users[2].Id.CompareTo(users[3].Id) > 0 ? (users[2], users[3]) : (users[3], users[2]);
        var group = await olga.CreateGroupAsync("Succession", oldestMember);
        await olga.AddMembersAsync(group.Id, firstAdmin);
        await olga.AddMembersAsync(group.Id, laterAdmin);
        await olga.ChangeRoleAsync(group.Id, laterAdmin, "Admin");
        await olga.ChangeRoleAsync(group.Id, firstAdmin, "Admin");
        await using var olgaPhone = await olga.ConnectAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await olga.CallAsync(HttpMethod.Post, $"/groups/{group.Id}/leave", new { })).StatusCode);

        Assert.Equal(
            [(oldestMember.Id, "Member"), (firstAdmin.Id, "Owner"), (laterAdmin.Id, "Admin")],
            (await fixture.MemberRowsAsync(group.Id)).Select(member => (member.UserId, member.Role)));
        await ChatClient.WaitForAsync(olgaPhone.Removed, gone => gone.ConversationId == group.Id, "removal after leaving");
    }

    [Fact]
    public async Task When_the_owner_leaves_a_group_without_admins_the_member_who_joined_first_inherits_it()
    {
        var users = await fixture.CreateUsersAsync("Olga", "Member A", "Member B");
        var olga = users[0];
        var (first, later) = users[1].Id.CompareTo(users[2].Id) > 0 ? (users[1], users[2]) : (users[2], users[1]);
        var group = await olga.CreateGroupAsync("Succession", first);
        await olga.AddMembersAsync(group.Id, later);

        Assert.Equal(HttpStatusCode.NoContent, (await olga.CallAsync(HttpMethod.Post, $"/groups/{group.Id}/leave", new { })).StatusCode);

        var members = (await later.ConversationAsync(group.Id)).Members;
        Assert.Equal([(first.Id, MemberRole.Owner), (later.Id, MemberRole.Member)], members.Select(member => (member.UserId, member.Role)));
    }

    [Fact]
    public async Task The_owner_hands_the_group_over_and_stays_on_as_an_admin()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var memberPhone = await scene.Member.ConnectAsync();

        var handedOver = await (await GroupActions.CallAsync(scene.Owner, scene.Id, "hand over", scene.Member)).ReadAsync<ConversationDetail>();

        Assert.Equal(MemberRole.Owner, handedOver.Members.Single(member => member.UserId == scene.Member.Id).Role);
        Assert.Equal(MemberRole.Admin, handedOver.Members.Single(member => member.UserId == scene.Owner.Id).Role);
        Assert.Single(handedOver.Members, member => member.Role == MemberRole.Owner);
        await ChatClient.WaitForAsync(memberPhone.Conversations,
            conversation => conversation.Members.Any(member => member.UserId == scene.Member.Id && member.Role == MemberRole.Owner), "hand-over");
        // The former owner is an admin now: no longer allowed to delete.
        await (await GroupActions.CallAsync(scene.Owner, scene.Id, "delete", scene.Owner)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_owner_leaving_may_name_who_takes_over()
    {
        var scene = await GroupScene.StartAsync(fixture);

        var response = await scene.Owner.CallAsync(HttpMethod.Post, $"/groups/{scene.Id}/leave", new { newOwnerId = scene.OtherMember.Id });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var roles = (await fixture.MemberRowsAsync(scene.Id)).ToDictionary(member => member.UserId, member => member.Role);
        Assert.Equal("Owner", roles[scene.OtherMember.Id]);
        Assert.Equal("Admin", roles[scene.Admin.Id]);
        Assert.False(roles.ContainsKey(scene.Owner.Id));
    }

    [Fact]
    public async Task The_owner_cannot_leave_the_group_to_someone_outside_it()
    {
        var scene = await GroupScene.StartAsync(fixture);

        await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(scene.Id),
            () => scene.Owner.CallAsync(HttpMethod.Post, $"/groups/{scene.Id}/leave", new { newOwnerId = scene.Outsider.Id }),
            HttpStatusCode.NotFound, "newOwnerId");
    }

    [Fact]
    public async Task The_last_one_out_ends_the_group_and_its_messages()
    {
        var olga = await fixture.CreateUserAsync("Olga");
        var group = await olga.CreateGroupAsync("Alone");
        await olga.SendAsync(group.Id, "note to self");
        await using var olgaPhone = await olga.ConnectAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await olga.CallAsync(HttpMethod.Post, $"/groups/{group.Id}/leave", new { })).StatusCode);

        await ChatClient.WaitForAsync(olgaPhone.Removed, gone => gone.ConversationId == group.Id, "end of the group");
        Assert.Null(await fixture.ConversationRowAsync(group.Id));
        Assert.Empty(await fixture.MemberRowsAsync(group.Id));
        Assert.Empty(await fixture.MessageRowsAsync(group.Id));
    }

    [Fact]
    public async Task The_owner_deletes_the_group_with_its_messages_and_every_member_is_told()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await scene.Owner.SendAsync(scene.Id, "last words");
        var elsewhere = await scene.Member.SendDirectAsync(scene.OtherMember, "unrelated");
        await using var memberPhone = await scene.Member.ConnectAsync();
        await using var adminLaptop = await scene.Admin.ConnectAsync(fixture.Secondary);

        Assert.Equal(HttpStatusCode.NoContent, (await GroupActions.CallAsync(scene.Owner, scene.Id, "delete", scene.Owner)).StatusCode);

        await ChatClient.WaitForAsync(memberPhone.Removed, gone => gone.ConversationId == scene.Id, "deletion");
        await ChatClient.WaitForAsync(adminLaptop.Removed, gone => gone.ConversationId == scene.Id, "deletion");
        Assert.Empty(await fixture.MessageRowsAsync(scene.Id));
        Assert.Empty(await fixture.MemberRowsAsync(scene.Id));
        Assert.Null(await fixture.ConversationRowAsync(scene.Id));
        await (await scene.Member.CallAsync(HttpMethod.Get, $"/conversations/{scene.Id}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(elsewhere, Assert.Single((await scene.Member.HistoryAsync(elsewhere.ConversationId)).Messages));
    }
}
