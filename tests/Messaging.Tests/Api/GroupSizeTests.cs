using ChatApp.Testing;
using System.Globalization;
using System.Net;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>How many people a group holds (<c>Messaging:MaxGroupMembers</c>, 256 unless configured), and who may be in one at all.</summary>
public sealed class GroupSizeTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_group_grows_to_its_configured_size_and_no_further()
    {
        var settings = fixture.Settings();
        settings["Messaging:MaxGroupMembers"] = "3";
        await using var small = MessagingReplica.Start(settings, fixture.Tokens);
        await small.WaitUntilReadyAsync();
        var users = await fixture.CreateUsersAsync("Olga", "Ann", "Ben", "One too many");
        var (olga, ann, ben, fourth) = (users[0], users[1], users[2], users[3]);
        using var olgaHttp = olga.Http(small);

        var created = await (await olgaHttp.CallAsync(HttpMethod.Post, "/groups", new { name = "Three", memberIds = new[] { ann.Id, ben.Id } }))
            .ReadAsync<ChatApp.Messaging.Application.Conversations.ConversationDetail>();
        Assert.Equal(3, created.Members.Count);

        var problem = await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(created.Id),
            () => olgaHttp.CallAsync(HttpMethod.Post, $"/groups/{created.Id}/members", new { userIds = new[] { fourth.Id } }),
            HttpStatusCode.Conflict, "userIds");

        Assert.Contains("3", problem.GetProperty("errors").GetProperty("userIds")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_created_with_more_people_than_the_limit_is_refused()
    {
        var settings = fixture.Settings();
        settings["Messaging:MaxGroupMembers"] = "3";
        await using var small = MessagingReplica.Start(settings, fixture.Tokens);
        await small.WaitUntilReadyAsync();
        var users = await fixture.CreateUsersAsync("Olga", "Ann", "Ben", "Cy");
        using var olgaHttp = users[0].Http(small);

        var response = await olgaHttp.CallAsync(HttpMethod.Post, "/groups", new { name = "Four", memberIds = users[1..].Select(user => user.Id) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "memberIds");
        Assert.Equal(0, await fixture.MembershipCountAsync(users[0]));
    }

    [Fact]
    public async Task By_default_a_group_holds_256_people()
    {
        var olga = await fixture.CreateUserAsync("Olga");
        var group = await olga.CreateGroupAsync("Big");

        // 1 + 255 fits, so the size passes and the unknown people are what is refused; 1 + 256 does not fit.
        var fits = await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(group.Id),
            () => olga.CallAsync(HttpMethod.Post, $"/groups/{group.Id}/members", new { userIds = Strangers(255) }), HttpStatusCode.BadRequest, "userIds");
        var full = await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(group.Id),
            () => olga.CallAsync(HttpMethod.Post, $"/groups/{group.Id}/members", new { userIds = Strangers(256) }), HttpStatusCode.Conflict, "userIds");

        Assert.Equal("Unknown users", fits.GetProperty("title").GetString());
        Assert.Contains(256.ToString(CultureInfo.InvariantCulture), full.GetProperty("errors").GetProperty("userIds")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_someone_Messaging_does_not_know_is_refused_and_adds_nobody()
    {
        var users = await fixture.CreateUsersAsync("Olga", "Ann");
        var group = await users[0].CreateGroupAsync("Known only");
        var stranger = Guid.NewGuid();

        var problem = await Refusals.AssertRefusedAndUnchangedAsync(() => fixture.SnapshotAsync(group.Id),
            () => users[0].CallAsync(HttpMethod.Post, $"/groups/{group.Id}/members", new { userIds = new[] { users[1].Id, stranger } }),
            HttpStatusCode.BadRequest, "userIds");

        Assert.Contains(stranger.ToString(), problem.GetProperty("errors").GetProperty("userIds")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_group_with_someone_Messaging_does_not_know_is_refused_and_creates_nothing()
    {
        var users = await fixture.CreateUsersAsync("Olga", "Ann");

        var response = await users[0].CallAsync(HttpMethod.Post, "/groups", new { name = "Ghosts", memberIds = new[] { users[1].Id, Guid.NewGuid() } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "memberIds");
        Assert.Equal(0, await fixture.MembershipCountAsync(users[0]));
        Assert.Equal(0, await fixture.MembershipCountAsync(users[1]));
    }

    private static Guid[] Strangers(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];
}
