namespace ChatApp.Contracts;

/// <summary>
/// An integration event: a past-tense fact one service publishes for others. Records only,
/// carrying ids and what consumers need; a changed shape gets a new name (UserRegisteredV2).
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>When the fact happened, in UTC.</summary>
    DateTimeOffset OccurredAt { get; }
}
