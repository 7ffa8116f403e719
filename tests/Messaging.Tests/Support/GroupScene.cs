using ChatApp.Messaging.Application.Messages;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>
/// A group of fresh people to test rights in: an owner, an admin, two plain members (one of whom
/// has written message 1), and someone outside it.
/// </summary>
internal sealed record GroupScene(Guid Id, TestUser Owner, TestUser Admin, TestUser Member, TestUser OtherMember, TestUser Outsider, MessageView MembersMessage)
{
    public static async Task<GroupScene> StartAsync(MessagingFixture fixture)
    {
        var users = await fixture.CreateUsersAsync("Owner", "Admin", "Member", "Other member", "Outsider");
        var (owner, admin, member, otherMember, outsider) = (users[0], users[1], users[2], users[3], users[4]);
        var group = await owner.CreateGroupAsync("Rights", admin, member, otherMember);
        await owner.ChangeRoleAsync(group.Id, admin, "Admin");
        var message = await member.SendAsync(group.Id, "envelope from the member");
        return new GroupScene(group.Id, owner, admin, member, otherMember, outsider, message);
    }
}
