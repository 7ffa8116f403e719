using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Groups;

/// <summary>The writes a group is made and changed by, each inside the unit of work of its change.</summary>
public interface IGroupStore
{
    /// <summary>A new group of <paramref name="ownerId"/> with <paramref name="memberIds"/> as plain members.</summary>
    Task CreateAsync(IUnitOfWork unitOfWork, Guid conversationId, string name, Guid ownerId, IReadOnlyCollection<Guid> memberIds, DateTime now, CancellationToken cancellationToken);

    /// <summary>Every member with their role and when they joined.</summary>
    Task<List<Seniority>> MembersAsync(IUnitOfWork unitOfWork, Guid conversationId, CancellationToken cancellationToken);

    /// <summary>Adds a plain member whose history, receipts and digests start after <paramref name="lastSequence"/>.</summary>
    Task AddMemberAsync(IUnitOfWork unitOfWork, Guid conversationId, Guid userId, long lastSequence, DateTime now, CancellationToken cancellationToken);

    Task SetRoleAsync(IUnitOfWork unitOfWork, Guid conversationId, Guid userId, MemberRole role, CancellationToken cancellationToken);

    Task RemoveMemberAsync(IUnitOfWork unitOfWork, Guid conversationId, Guid userId, CancellationToken cancellationToken);

    Task RenameAsync(IUnitOfWork unitOfWork, Guid conversationId, string name, CancellationToken cancellationToken);

    /// <summary>The group, its members and its messages go.</summary>
    Task DeleteAsync(IUnitOfWork unitOfWork, Guid conversationId, CancellationToken cancellationToken);
}
