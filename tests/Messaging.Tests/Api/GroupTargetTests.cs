using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>Who a group action may name: a member other than me (leaving is how I go). A wrong name is refused and changes nothing.</summary>
public sealed class GroupTargetTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Removing_yourself_is_refused_in_favour_of_leaving()
    {
        var scene = await GroupScene.StartAsync(fixture);

        var problem = await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(scene.Id),
            () => GroupActions.CallAsync(scene.Owner, scene.Id, "remove", scene.Owner), HttpStatusCode.BadRequest, "userId");

        Assert.Equal("Use leave", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("role")]
    [InlineData("hand over")]
    public async Task Naming_someone_outside_the_group_is_not_found(string action)
    {
        var scene = await GroupScene.StartAsync(fixture);

        var problem = await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(scene.Id),
            () => GroupActions.CallAsync(scene.Owner, scene.Id, action, scene.Outsider), HttpStatusCode.NotFound, "userId");

        Assert.Equal("Not a member", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_owner_cannot_hand_the_group_over_to_themselves()
    {
        var scene = await GroupScene.StartAsync(fixture);

        await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(scene.Id),
            () => GroupActions.CallAsync(scene.Owner, scene.Id, "hand over", scene.Owner), HttpStatusCode.NotFound, "userId");
    }

    [Fact]
    public async Task Adding_people_already_in_the_group_changes_nothing()
    {
        var scene = await GroupScene.StartAsync(fixture);
        var before = await fixture.SnapshotAsync(scene.Id);

        var detail = await scene.Owner.AddMembersAsync(scene.Id, scene.Member, scene.Admin, scene.Member);

        Assert.Equal(4, detail.Members.Count);
        Assert.Equal(before, await fixture.SnapshotAsync(scene.Id));
    }
}
