using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;

namespace ChatApp.BuildingBlocks.Projections;

/// <summary>
/// Keeps the names of a new account in the service's <c>users</c> projection, so it shows them
/// without asking Identity. Handled by each service that keeps one (its queue is named after
/// the service: messaging-remember-user, calls-remember-user).
/// </summary>
public sealed class RememberUser : IHandles<UserRegistered>
{
    public Task HandleAsync(UserRegistered message, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        UserNamesProjection.UpsertAsync(UnitOfWork.Of(unitOfWork), message.UserId, message.Username, message.DisplayName, message.OccurredAt, cancellationToken);
}

/// <summary>Keeps a person's names in the service's <c>users</c> projection current when they change them.</summary>
public sealed class UpdateUserNames : IHandles<UserProfileChanged>
{
    public Task HandleAsync(UserProfileChanged message, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        UserNamesProjection.UpsertAsync(UnitOfWork.Of(unitOfWork), message.UserId, message.Username, message.DisplayName, message.OccurredAt, cancellationToken);
}
