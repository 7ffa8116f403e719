using ChatApp.Calls.Domain;

namespace ChatApp.Calls.Tests.Domain;

/// <summary>A step a person can take on a call, named so a table of cases can list it.</summary>
public enum Step
{
    Accept,
    Reject,
    Cancel,
    HangUp,
    Rejoin,
    ConnectionLost,
    Expire,
}

/// <summary>Who takes a step: Ada calls Bob; Eve is in neither side of the call.</summary>
public enum Who
{
    Caller,
    Callee,
    Stranger,
}

/// <summary>
/// Ada (on her phone) calls Bob at a fixed moment; Bob has a phone and a laptop. Calls in each
/// state, built only through the steps of <see cref="Call"/>, and assertions on a step's result.
/// </summary>
internal static class CallScene
{
    public static readonly CallTimings Timings = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset RingEnd = T0 + Timings.RingFor;
    public static readonly DateTimeOffset AnsweredAt = T0.AddSeconds(5);

    public static readonly Guid CallId = Guid.Parse("0195c9a1-0000-7000-8000-0000000000ca");
    public static readonly Guid Ada = Guid.Parse("0195c9a1-0000-7000-8000-00000000000a");
    public static readonly Guid Bob = Guid.Parse("0195c9a1-0000-7000-8000-00000000000b");
    public static readonly Guid Eve = Guid.Parse("0195c9a1-0000-7000-8000-00000000000e");

    public static readonly Guid AdaPhone = Guid.Parse("0195c9a1-0000-7000-8000-0000000a0001");
    public static readonly Guid AdaLaptop = Guid.Parse("0195c9a1-0000-7000-8000-0000000a0002");
    public static readonly Guid BobPhone = Guid.Parse("0195c9a1-0000-7000-8000-0000000b0001");
    public static readonly Guid BobLaptop = Guid.Parse("0195c9a1-0000-7000-8000-0000000b0002");
    public static readonly Guid EvePhone = Guid.Parse("0195c9a1-0000-7000-8000-0000000e0001");

    public const string AdaConnection = "ada-phone-1";
    public const string BobConnection = "bob-phone-1";

    public static Guid Person(Who who) => who switch
    {
        Who.Caller => Ada,
        Who.Callee => Bob,
        _ => Eve,
    };

    public static Guid Device(Who who) => who switch
    {
        Who.Caller => AdaPhone,
        Who.Callee => BobPhone,
        _ => EvePhone,
    };

    public static string Connection(Who who) => who switch
    {
        Who.Caller => AdaConnection,
        Who.Callee => BobConnection,
        _ => "eve-phone-1",
    };

    /// <summary>Ada's call to Bob, ringing since <see cref="T0"/>.</summary>
    public static Call Ringing() => Call.Start(CallId, Ada, AdaPhone, AdaConnection, Bob, T0, Timings).Succeeded();

    /// <summary>The call answered by Bob on his phone at <see cref="AnsweredAt"/>.</summary>
    public static Call Active() => Ringing().Accept(Bob, BobPhone, BobConnection, AnsweredAt).Succeeded();

    /// <summary>A call that ended in the given way, each reached by its own path.</summary>
    public static Call Ended(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Completed => Active().HangUp(Ada, AnsweredAt.AddMinutes(1)).Succeeded(),
        CallOutcome.Missed => Ringing().Expire(RingEnd).Succeeded(),
        CallOutcome.Rejected => Ringing().Reject(Bob, T0.AddSeconds(3)).Succeeded(),
        CallOutcome.Cancelled => Ringing().Cancel(Ada, T0.AddSeconds(3)).Succeeded(),
        CallOutcome.Busy => Call.Busy(CallId, Ada, AdaPhone, Bob, T0),
        CallOutcome.Failed => Active().ConnectionLost(BobConnection, AnsweredAt.AddSeconds(20)).Succeeded()
            .Expire(AnsweredAt.AddSeconds(20) + Timings.ReconnectWithin).Succeeded(),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>
    /// Takes a step as the given person from their own device (a rejoin on a new connection); a lost
    /// connection is that person's first one; the person is ignored by <see cref="Step.Expire"/>.
    /// </summary>
    public static CallStep Take(this Call call, Step step, Who who, DateTimeOffset at) => step switch
    {
        Step.Accept => call.Accept(Person(who), Device(who), Connection(who), at),
        Step.Reject => call.Reject(Person(who), at),
        Step.Cancel => call.Cancel(Person(who), at),
        Step.HangUp => call.HangUp(Person(who), at),
        Step.Rejoin => call.Rejoin(Person(who), Device(who), Connection(who) + "-rejoined"),
        Step.ConnectionLost => call.ConnectionLost(Connection(who), at),
        Step.Expire => call.Expire(at),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>Asserts the step was taken and returns the call after it.</summary>
    public static Call Succeeded(this CallStep step)
    {
        Assert.Null(step.Refusal);
        Assert.NotNull(step.Call);
        return step.Call;
    }

    /// <summary>Asserts the step was refused for the given reason, with a message, and without a call.</summary>
    public static CallRefusal Refused(this CallStep step, CallRefusalReason reason)
    {
        Assert.Null(step.Call);
        Assert.NotNull(step.Refusal);
        Assert.Equal(reason, step.Refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(step.Refusal.Message));
        return step.Refusal;
    }
}
