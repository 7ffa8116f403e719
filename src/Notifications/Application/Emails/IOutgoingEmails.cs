using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Notifications.Application.Emails;

/// <summary>
/// The queue of emails to send, written inside the event handlers' units of work: an email is
/// queued once with the event that asked for it, and the delivery worker wakes once it commits.
/// An email whose words hold a secret (<see cref="Domain.EmailKinds.HoldsSecret"/>) waits sealed.
/// </summary>
public interface IOutgoingEmails
{
    Task EnqueueAsync(IUnitOfWork unitOfWork, OutgoingEmail email, CancellationToken cancellationToken);

    /// <summary>
    /// The recipient's digest that has not gone yet (locked until the unit of work ends), and when
    /// their latest digest went or is due: a new digest replaces a waiting one, or waits its hour.
    /// </summary>
    Task<(Guid? WaitingId, DateTimeOffset? LatestAt)> FindDigestSlotAsync(
        IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken);

    /// <summary>Gives a waiting email new words (a fresher digest), keeping its place in the queue.</summary>
    Task ReplaceContentAsync(IUnitOfWork unitOfWork, Guid id, OutgoingEmail fresher, CancellationToken cancellationToken);
}
