using ChatApp.Calls.Application.Users;
using ChatApp.Calls.Domain;

namespace ChatApp.Calls.Application.History;

/// <summary>One ended call in a person's history, told from their side.</summary>
public sealed record CallHistoryItem(
    Guid Id,
    Person OtherPerson,
    CallDirection Direction,
    CallOutcome Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    double DurationSeconds,
    bool Seen);

public enum CallDirection
{
    Outgoing,
    Incoming,
}

/// <summary>A page of history, newest first; <see cref="NextBefore"/> asks for the page after it (none at the end).</summary>
public sealed record CallHistoryPage(IReadOnlyList<CallHistoryItem> Calls, Guid? NextBefore);

/// <summary>How many missed calls the person has not looked at yet.</summary>
public sealed record MissedCallCount(int Unseen);
