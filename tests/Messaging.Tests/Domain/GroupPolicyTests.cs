using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Tests.Domain;

public sealed class GroupPolicyTests
{
    [Theory]
    [InlineData(MemberRole.Owner, true)]
    [InlineData(MemberRole.Admin, true)]
    [InlineData(MemberRole.Member, false)]
    public void Owners_and_admins_rename_a_group_and_add_members(MemberRole actor, bool allowed)
    {
        Assert.Equal(allowed, GroupPolicy.CanRename(actor));
        Assert.Equal(allowed, GroupPolicy.CanAddMembers(actor));
    }

    [Theory]
    [InlineData(MemberRole.Owner, MemberRole.Admin, true)]
    [InlineData(MemberRole.Owner, MemberRole.Member, true)]
    [InlineData(MemberRole.Owner, MemberRole.Owner, false)]
    [InlineData(MemberRole.Admin, MemberRole.Member, true)]
    [InlineData(MemberRole.Admin, MemberRole.Admin, false)]
    [InlineData(MemberRole.Admin, MemberRole.Owner, false)]
    [InlineData(MemberRole.Member, MemberRole.Member, false)]
    [InlineData(MemberRole.Member, MemberRole.Admin, false)]
    [InlineData(MemberRole.Member, MemberRole.Owner, false)]
    public void Only_a_higher_rank_removes_and_nobody_removes_the_owner(MemberRole actor, MemberRole target, bool allowed) =>
        Assert.Equal(allowed, GroupPolicy.CanRemove(actor, target));

    [Theory]
    [InlineData(MemberRole.Owner, MemberRole.Member, MemberRole.Admin, true)]
    [InlineData(MemberRole.Owner, MemberRole.Admin, MemberRole.Member, true)]
    [InlineData(MemberRole.Owner, MemberRole.Member, MemberRole.Owner, false)]
    [InlineData(MemberRole.Owner, MemberRole.Admin, MemberRole.Owner, false)]
    [InlineData(MemberRole.Owner, MemberRole.Owner, MemberRole.Admin, false)]
    [InlineData(MemberRole.Admin, MemberRole.Member, MemberRole.Admin, false)]
    [InlineData(MemberRole.Admin, MemberRole.Admin, MemberRole.Member, false)]
    [InlineData(MemberRole.Admin, MemberRole.Owner, MemberRole.Member, false)]
    [InlineData(MemberRole.Member, MemberRole.Member, MemberRole.Admin, false)]
    public void Only_the_owner_changes_roles_and_never_to_or_from_owner(MemberRole actor, MemberRole target, MemberRole newRole, bool allowed) =>
        Assert.Equal(allowed, GroupPolicy.CanChangeRole(actor, target, newRole));

    [Theory]
    [InlineData(MemberRole.Owner, true)]
    [InlineData(MemberRole.Admin, false)]
    [InlineData(MemberRole.Member, false)]
    public void Only_the_owner_hands_a_group_over_or_deletes_it(MemberRole actor, bool allowed)
    {
        Assert.Equal(allowed, GroupPolicy.CanHandOver(actor));
        Assert.Equal(allowed, GroupPolicy.CanDelete(actor));
    }
}
