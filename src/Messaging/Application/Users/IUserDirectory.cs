using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Messaging.Application.Users;

/// <summary>A user as Messaging knows them, from Identity's events.</summary>
public sealed record KnownUser(Guid Id, string Username, string DisplayName, DateTimeOffset? LastSeenAt);

/// <summary>Users from the local projection of Identity's events: the hot path never asks Identity.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyDictionary<Guid, KnownUser>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="userIds"/> Messaging knows (has heard of from Identity).</summary>
    Task<IReadOnlySet<Guid>> WhichAreKnownAsync(IUnitOfWork unitOfWork, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Remembers that these users were last online at <paramref name="at"/>.</summary>
    Task MarkLastSeenAsync(IReadOnlyCollection<Guid> userIds, DateTimeOffset at);
}
