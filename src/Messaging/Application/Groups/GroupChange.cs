using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>
/// One change to a group, made inside its transaction with the group row locked: the actor's
/// membership, every member with their seniority, and the steps a change is made of.
/// </summary>
public sealed class GroupChange
{
    private readonly List<Guid> _removed = [];

    private readonly IGroupStore _store;

    internal GroupChange(IGroupStore store, IUnitOfWork unitOfWork, Membership actor, List<Seniority> members, DateTime now)
    {
        _store = store;
        UnitOfWork = unitOfWork;
        Actor = actor;
        Members = members;
        Now = now;
    }

    internal IUnitOfWork UnitOfWork { get; }

    internal Membership Actor { get; }

    public MemberRole ActorRole => Actor.Role;

    public List<Seniority> Members { get; }

    public DateTime Now { get; }

    /// <summary>People who were in the group and are not any more.</summary>
    public IReadOnlyList<Guid> Removed => _removed;

    public bool Deleted { get; private set; }

    public Seniority? Member(Guid userId) => Members.Find(member => member.UserId == userId);

    /// <summary>Adds people as plain members; their history starts now, and they have nothing unread.</summary>
    public async Task AddAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        foreach (var userId in userIds)
        {
            await _store.AddMemberAsync(UnitOfWork, Actor.ConversationId, userId, Actor.LastSequence, Now, cancellationToken);
            Members.Add(new Seniority(userId, MemberRole.Member, new DateTimeOffset(Now, TimeSpan.Zero)));
        }
    }

    public async Task SetRoleAsync(Guid userId, MemberRole role, CancellationToken cancellationToken)
    {
        await _store.SetRoleAsync(UnitOfWork, Actor.ConversationId, userId, role, cancellationToken);
        var index = Members.FindIndex(member => member.UserId == userId);
        Members[index] = Members[index] with { Role = role };
    }

    public async Task RemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        await _store.RemoveMemberAsync(UnitOfWork, Actor.ConversationId, userId, cancellationToken);
        Members.RemoveAll(member => member.UserId == userId);
        _removed.Add(userId);
    }

    public Task RenameAsync(string name, CancellationToken cancellationToken) =>
        _store.RenameAsync(UnitOfWork, Actor.ConversationId, GroupName.Normalize(name), cancellationToken);

    /// <summary>Ends the group for everyone, its messages included.</summary>
    public async Task DeleteGroupAsync(CancellationToken cancellationToken)
    {
        await _store.DeleteAsync(UnitOfWork, Actor.ConversationId, cancellationToken);
        _removed.AddRange(Members.Select(member => member.UserId));
        Members.Clear();
        Deleted = true;
    }

    /// <summary>The owner leaves: <paramref name="heir"/> (or, if none is named, the succession rule) owns the group; with nobody left it ends.</summary>
    public async Task OwnerLeavesAsync(Guid? heir, CancellationToken cancellationToken)
    {
        var ownerId = Actor.UserId;
        var next = heir ?? OwnerSuccession.Heir(Members.Where(member => member.UserId != ownerId));
        if (next is not { } newOwner)
        {
            await DeleteGroupAsync(cancellationToken);
            return;
        }

        await SetRoleAsync(newOwner, MemberRole.Owner, cancellationToken);
        await RemoveAsync(ownerId, cancellationToken);
    }
}
