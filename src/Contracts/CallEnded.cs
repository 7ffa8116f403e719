namespace ChatApp.Contracts;

/// <summary>
/// A call ended, however it ended. <paramref name="Outcome"/> is one of completed, missed,
/// rejected, cancelled, busy, failed; the duration runs from the answer to the end, as the Calls
/// service measured it (zero for a call never answered). <paramref name="EndedBy"/> is the person
/// whose step ended it, none when time did (missed, busy).
/// </summary>
public sealed record CallEnded(
    Guid CallId,
    Guid CallerId,
    Guid CalleeId,
    string Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    double DurationSeconds,
    Guid? EndedBy,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
