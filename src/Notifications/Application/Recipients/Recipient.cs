using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Recipients;

/// <summary>A user as Notifications knows them, from Identity's events, with their email preferences.</summary>
public sealed record Recipient(Guid UserId, string Username, string DisplayName, string Email, NotificationPreferences Preferences);

/// <summary>A user's names, for "who called" and "who wrote".</summary>
public sealed record UserNames(string Username, string DisplayName);

/// <summary>An event names a user this service has not heard of yet (their UserRegistered is still on its way): retried.</summary>
public sealed class RecipientNotKnownYetException(Guid userId)
    : Exception($"User {userId} is not known to Notifications yet; the event will be retried.");
