using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Rights inside a group: only the sender changes a message; plain members manage nothing; admins
/// manage plain members and the name, never other admins, the owner, roles, hand-over or deletion.
/// Each refusal is 403 (hub <c>forbidden:</c>) and changes nothing.
/// </summary>
public sealed class RoleTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_member_cannot_edit_someone_elses_message()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var other = await scene.OtherMember.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(scene.Id), async () =>
        {
            await Refusals.AssertHubRefusesAsync("forbidden", () => other.EditAsync(scene.Id, scene.MembersMessage.Sequence, "forged"));
            await AssertForbiddenAsync(await scene.OtherMember.CallAsync(HttpMethod.Put, $"/conversations/{scene.Id}/messages/1",
                new { body = await fixture.ForConversationAsync(scene.OtherMember.Id, scene.Id, "forged") }));
            // Not even the owner.
            await AssertForbiddenAsync(await scene.Owner.CallAsync(HttpMethod.Put, $"/conversations/{scene.Id}/messages/1",
                new { body = await fixture.ForConversationAsync(scene.Owner.Id, scene.Id, "forged") }));
        });
    }

    [Fact]
    public async Task A_member_cannot_delete_someone_elses_message()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var other = await scene.OtherMember.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(scene.Id), async () =>
        {
            await Refusals.AssertHubRefusesAsync("forbidden", () => other.DeleteAsync(scene.Id, scene.MembersMessage.Sequence));
            await AssertForbiddenAsync(await scene.OtherMember.CallAsync(HttpMethod.Delete, $"/conversations/{scene.Id}/messages/1"));
            await AssertForbiddenAsync(await scene.Owner.CallAsync(HttpMethod.Delete, $"/conversations/{scene.Id}/messages/1"));
        });
    }

    [Theory]
    [InlineData("rename")]
    [InlineData("add")]
    [InlineData("remove")]
    [InlineData("role")]
    [InlineData("hand over")]
    [InlineData("delete")]
    public async Task A_plain_member_cannot_manage_the_group(string action)
    {
        var scene = await GroupScene.StartAsync(fixture);

        var target = action == "add" ? scene.Outsider : scene.OtherMember;
        await AssertForbiddenAndUnchangedAsync(scene, () => GroupActions.CallAsync(scene.Member, scene.Id, action, target));
    }

    [Fact]
    public async Task An_admin_cannot_remove_another_admin()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await scene.Owner.ChangeRoleAsync(scene.Id, scene.OtherMember, "Admin");

        await AssertForbiddenAndUnchangedAsync(scene, () => GroupActions.CallAsync(scene.Admin, scene.Id, "remove", scene.OtherMember));
    }

    [Fact]
    public async Task An_admin_cannot_remove_the_owner()
    {
        var scene = await GroupScene.StartAsync(fixture);

        await AssertForbiddenAndUnchangedAsync(scene, () => GroupActions.CallAsync(scene.Admin, scene.Id, "remove", scene.Owner));
    }

    [Theory]
    [InlineData("role")]
    [InlineData("demote")]
    public async Task An_admin_cannot_change_roles(string action)
    {
        var scene = await GroupScene.StartAsync(fixture);
        await scene.Owner.ChangeRoleAsync(scene.Id, scene.OtherMember, "Admin");

        // Promote a plain member, or demote the other admin.
        var target = action == "role" ? scene.Member : scene.OtherMember;
        await AssertForbiddenAndUnchangedAsync(scene, () => GroupActions.CallAsync(scene.Admin, scene.Id, action, target));
    }

    [Fact]
    public async Task An_admin_cannot_hand_the_group_over()
    {
        var scene = await GroupScene.StartAsync(fixture);

        await AssertForbiddenAndUnchangedAsync(scene, () => GroupActions.CallAsync(scene.Admin, scene.Id, "hand over", scene.Admin));
        await AssertForbiddenAndUnchangedAsync(scene, () => GroupActions.CallAsync(scene.Admin, scene.Id, "hand over", scene.Member));
    }

    [Fact]
    public async Task An_admin_cannot_delete_the_group()
    {
        var scene = await GroupScene.StartAsync(fixture);

        await AssertForbiddenAndUnchangedAsync(scene, () => GroupActions.CallAsync(scene.Admin, scene.Id, "delete", scene.Owner));
    }

    [Fact]
    public async Task Nobody_makes_someone_owner_by_changing_their_role()
    {
        var scene = await GroupScene.StartAsync(fixture);

        await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(scene.Id),
            () => scene.Owner.CallAsync(HttpMethod.Put, $"/groups/{scene.Id}/members/{scene.Admin.Id}/role", new { role = "Owner" }),
            HttpStatusCode.BadRequest, "role");
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response) =>
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);

    private async Task AssertForbiddenAndUnchangedAsync(GroupScene scene, Func<Task<HttpResponseMessage>> send) =>
        await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(scene.Id), send, HttpStatusCode.Forbidden);
}
