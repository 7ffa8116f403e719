using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>A member of a conversation, with their names, role and receipt pointers.</summary>
public sealed record MemberView(
    Guid UserId,
    string Username,
    string DisplayName,
    MemberRole Role,
    DateTimeOffset JoinedAt,
    long DeliveredSequence,
    long ReadSequence);

/// <summary>A conversation with all its members: the same for every member.</summary>
public sealed record ConversationDetail(
    Guid Id,
    ConversationKind Kind,
    string? Name,
    DateTimeOffset CreatedAt,
    long LastSequence,
    long LastVersion,
    DateTimeOffset LastActivityAt,
    IReadOnlyList<MemberView> Members);

/// <summary>
/// One line of my conversation list: the group's name or the other person of a direct
/// conversation, how many messages I have not read, and when it last moved.
/// </summary>
public sealed record ConversationSummary(
    Guid Id,
    ConversationKind Kind,
    string? Name,
    UserName? Peer,
    int MemberCount,
    MemberRole MyRole,
    long LastSequence,
    long LastVersion,
    DateTimeOffset LastActivityAt,
    long UnreadCount,
    long MyReadSequence);

/// <summary>Someone's names, from the projection of Identity's events.</summary>
public sealed record UserName(Guid UserId, string Username, string DisplayName);

/// <summary>A page of my conversations, most recently active first; <see cref="Next"/> continues it.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Conversations, string? Next);
