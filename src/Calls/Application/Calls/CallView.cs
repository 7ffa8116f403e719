using ChatApp.Calls.Application.Users;
using ChatApp.Calls.Domain;

namespace ChatApp.Calls.Application.Calls;

/// <summary>
/// A call as both people's devices see it. A device knows its part from the device ids: the
/// callee's device that answered is <see cref="CalleeDeviceId"/>, so every other device of the
/// callee stops ringing, and the caller's devices other than <see cref="CallerDeviceId"/> know
/// the call is held elsewhere.
/// </summary>
public sealed record CallView(
    Guid Id,
    Person Caller,
    Person Callee,
    CallState State,
    CallOutcome? Outcome,
    Guid? CallerDeviceId,
    Guid? CalleeDeviceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset RingUntil,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    double DurationSeconds,
    Guid? EndedBy,
    bool CallerReconnecting,
    bool CalleeReconnecting)
{
    public static CallView Of(Call call, IReadOnlyDictionary<Guid, Person> people) => new(
        call.Id,
        people.GetValueOrDefault(call.Caller.UserId) ?? Person.Unknown(call.Caller.UserId),
        people.GetValueOrDefault(call.Callee.UserId) ?? Person.Unknown(call.Callee.UserId),
        call.State,
        call.Outcome,
        call.Caller.DeviceId,
        call.Callee.DeviceId,
        call.CreatedAt,
        call.RingUntil,
        call.AnsweredAt,
        call.EndedAt,
        Math.Round(call.Duration.TotalSeconds, 3),
        call.EndedBy,
        call.State != CallState.Ended && call.Caller.LostAt is not null,
        call.State != CallState.Ended && call.Callee.LostAt is not null);
}
