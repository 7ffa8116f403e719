namespace ChatApp.Contracts;

/// <summary>An account was created. Notifications sends the welcome email; Messaging keeps the names.</summary>
public sealed record UserRegistered(
    Guid UserId,
    string Username,
    string DisplayName,
    string Email,
    string Language,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
