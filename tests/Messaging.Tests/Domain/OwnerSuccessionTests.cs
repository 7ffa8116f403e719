using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Tests.Domain;

public sealed class OwnerSuccessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static Seniority Joined(int minutes, MemberRole role, Guid? id = null) => new(id ?? Guid.NewGuid(), role, Start.AddMinutes(minutes));

    [Fact]
    public void The_admin_who_joined_first_inherits_before_any_older_member()
    {
        var olderMember = Joined(1, MemberRole.Member);
        var firstAdmin = Joined(2, MemberRole.Admin);
        var laterAdmin = Joined(3, MemberRole.Admin);

        Assert.Equal(firstAdmin.UserId, OwnerSuccession.Heir([laterAdmin, olderMember, firstAdmin]));
    }

    [Fact]
    public void Without_admins_the_member_who_joined_first_inherits()
    {
        var first = Joined(1, MemberRole.Member);
        var second = Joined(2, MemberRole.Member);

        Assert.Equal(first.UserId, OwnerSuccession.Heir([second, first]));
    }

    [Fact]
    public void Nobody_left_means_no_heir() => Assert.Null(OwnerSuccession.Heir([]));

    [Fact]
    public void The_owner_is_never_their_own_heir() => Assert.Null(OwnerSuccession.Heir([Joined(0, MemberRole.Owner)]));

    [Fact]
    public void Among_people_who_joined_at_the_same_moment_the_choice_does_not_depend_on_their_order()
    {
        var low = Joined(1, MemberRole.Admin, Guid.Parse("00000000-0000-0000-0000-000000000001"));
        var high = Joined(1, MemberRole.Admin, Guid.Parse("ffffffff-0000-0000-0000-000000000000"));

        Assert.Equal(low.UserId, OwnerSuccession.Heir([high, low]));
        Assert.Equal(low.UserId, OwnerSuccession.Heir([low, high]));
    }
}
