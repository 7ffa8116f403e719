using ChatApp.Calls.Domain;
using ChatApp.Contracts;

namespace ChatApp.Calls.Application.Calls;

/// <summary>The integration events a step causes: every call that ends is announced, a missed one twice over.</summary>
public static class CallEvents
{
    public static IReadOnlyCollection<IIntegrationEvent> Of(Call? before, Call after, DateTimeOffset now)
    {
        if (after.State != CallState.Ended || before?.State == CallState.Ended)
            return [];
        var ended = new CallEnded(
            after.Id, after.Caller.UserId, after.Callee.UserId, after.Outcome!.Value.ToString().ToLowerInvariant(),
            after.CreatedAt, after.AnsweredAt, after.EndedAt!.Value, after.Duration.TotalSeconds, after.EndedBy, now);
        return after.Outcome == CallOutcome.Missed
            ? [new CallMissed(after.Id, after.Caller.UserId, after.Callee.UserId, after.CreatedAt, now), ended]
            : [ended];
    }
}
