namespace ChatApp.Messaging.Application.Presence;

/// <summary>Whether someone is online (any device connected) and, when not, when they last were.</summary>
public sealed record PresenceView(Guid UserId, string Username, string DisplayName, bool Online, DateTimeOffset? LastSeenAt);

/// <summary>Someone is typing in a conversation; devices show it until <see cref="Until"/> unless it is repeated.</summary>
public sealed record TypingView(Guid ConversationId, Guid UserId, DateTimeOffset Until);
