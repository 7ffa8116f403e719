using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Recipients;

/// <summary>The recipients: the projection of Identity's users plus their preferences, read and written inside a unit of work.</summary>
public interface IRecipients
{
    /// <param name="forUpdate">Lock the recipient until the unit of work ends, to serialise changes to them.</param>
    Task<Recipient?> FindAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken, bool forUpdate = false);

    /// <summary>The names of those of <paramref name="userIds"/> who are known.</summary>
    Task<IReadOnlyDictionary<Guid, UserNames>> FindNamesAsync(IUnitOfWork unitOfWork, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Adds a new user; false when they were already known.</summary>
    Task<bool> AddAsync(IUnitOfWork unitOfWork, Recipient recipient, DateTimeOffset registeredAt, CancellationToken cancellationToken);

    /// <summary>Sets the recipient's names as of <paramref name="changedAt"/>, unless a newer change is already stored.</summary>
    Task UpdateNamesAsync(IUnitOfWork unitOfWork, Guid userId, UserNames names, DateTimeOffset changedAt, CancellationToken cancellationToken);

    Task SavePreferencesAsync(IUnitOfWork unitOfWork, Guid userId, NotificationPreferences preferences, CancellationToken cancellationToken);
}

public static class RecipientsExtensions
{
    /// <summary>A recipient an event names, who must be known: if not, their UserRegistered is still on its way and the event is retried.</summary>
    public static async Task<Recipient> GetAsync(
        this IRecipients recipients, IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken, bool forUpdate = false) =>
        await recipients.FindAsync(unitOfWork, userId, cancellationToken, forUpdate) ?? throw new RecipientNotKnownYetException(userId);
}
