namespace ChatApp.Messaging.Domain;

/// <summary>A member as succession sees them: their role and when they joined.</summary>
public sealed record Seniority(Guid UserId, MemberRole Role, DateTimeOffset JoinedAt);

/// <summary>
/// Who owns a group after its owner leaves without handing it over: the admin who joined first,
/// else the member who joined first. None when nobody is left, and the group ends.
/// </summary>
public static class OwnerSuccession
{
    public static Guid? Heir(IEnumerable<Seniority> remaining) =>
        remaining
            .Where(member => member.Role != MemberRole.Owner)
            .OrderByDescending(member => member.Role)
            .ThenBy(member => member.JoinedAt)
            .ThenBy(member => member.UserId)
            .Select(member => (Guid?)member.UserId)
            .FirstOrDefault();
}
