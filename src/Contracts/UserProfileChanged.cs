namespace ChatApp.Contracts;

/// <summary>A user's public profile changed. Messaging and Notifications update the names they keep.</summary>
public sealed record UserProfileChanged(
    Guid UserId,
    string Username,
    string DisplayName,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
