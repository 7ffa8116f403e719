namespace ChatApp.Messaging.Domain;

/// <summary>
/// Who may manage a group. The owner may do everything; admins run the membership of plain
/// members and the name; members may only leave. Nobody acts on someone of equal or higher rank
/// except the owner, and the owner is never removed by anyone else.
/// </summary>
public static class GroupPolicy
{
    public static bool CanRename(MemberRole actor) => actor >= MemberRole.Admin;

    public static bool CanAddMembers(MemberRole actor) => actor >= MemberRole.Admin;

    public static bool CanRemove(MemberRole actor, MemberRole target) =>
        actor == MemberRole.Owner ? target != MemberRole.Owner : actor == MemberRole.Admin && target == MemberRole.Member;

    /// <summary>Promoting to admin or demoting to member; ownership moves only by hand-over.</summary>
    public static bool CanChangeRole(MemberRole actor, MemberRole target, MemberRole newRole) =>
        actor == MemberRole.Owner && target != MemberRole.Owner && newRole != MemberRole.Owner;

    public static bool CanHandOver(MemberRole actor) => actor == MemberRole.Owner;

    public static bool CanDelete(MemberRole actor) => actor == MemberRole.Owner;
}
