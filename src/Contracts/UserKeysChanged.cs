namespace ChatApp.Contracts;

/// <summary>
/// A user published a new current end-to-end encryption key set (or made an older one of theirs
/// current again), identified by <paramref name="KeyId"/>; the one before stays readable in their
/// key history. Whoever shows conversations with them can warn that their keys changed and
/// fetch the new set from Identity. Publishing the current set again is not a change.
/// </summary>
public sealed record UserKeysChanged(
    Guid UserId,
    string KeyId,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
