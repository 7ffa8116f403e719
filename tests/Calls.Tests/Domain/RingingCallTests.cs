using ChatApp.Calls.Domain;
using static ChatApp.Calls.Tests.Domain.CallScene;

namespace ChatApp.Calls.Tests.Domain;

/// <summary>A ringing call: the callee answers or declines, the caller cancels; nothing else.</summary>
public sealed class RingingCallTests
{
    private static readonly DateTimeOffset Now = T0.AddSeconds(4);

    [Fact]
    public void Answering_makes_the_call_active_held_by_the_answering_device()
    {
        var ringing = Ringing();

        var active = ringing.Accept(Bob, BobPhone, BobConnection, Now).Succeeded();

        Assert.Equal(CallState.Active, active.State);
        Assert.Equal(Now, active.AnsweredAt);
        Assert.Equal(new CallParty(Bob, BobPhone, BobConnection), active.Callee);
        Assert.Equal(ringing.Caller, active.Caller);
        Assert.Equal(1, active.Version);
        Assert.Equal(ringing.RingUntil, active.RingUntil);
        Assert.Null(active.EndedAt);
        Assert.Null(active.Outcome);
        Assert.Null(active.EndedBy);
        Assert.Null(active.Deadline);
        Assert.Equal(TimeSpan.Zero, active.Duration);
    }

    [Fact]
    public void The_callee_may_answer_on_any_of_their_devices()
    {
        var active = Ringing().Accept(Bob, BobLaptop, "bob-laptop-1", Now).Succeeded();

        Assert.Equal(new CallParty(Bob, BobLaptop, "bob-laptop-1"), active.Callee);
    }

    [Theory]
    [InlineData(Step.Reject, Who.Callee, CallOutcome.Rejected)]
    [InlineData(Step.Cancel, Who.Caller, CallOutcome.Cancelled)]
    public void Declining_or_cancelling_ends_the_call_by_that_person_without_a_duration(Step step, Who who, CallOutcome outcome)
    {
        var ended = Ringing().Take(step, who, Now).Succeeded();

        Assert.Equal(CallState.Ended, ended.State);
        Assert.Equal(outcome, ended.Outcome);
        Assert.Equal(Now, ended.EndedAt);
        Assert.Equal(Person(who), ended.EndedBy);
        Assert.Null(ended.AnsweredAt);
        Assert.Equal(TimeSpan.Zero, ended.Duration);
        Assert.Null(ended.Deadline);
        Assert.Equal(1, ended.Version);
    }

    [Theory]
    [InlineData(Step.Accept, Who.Caller, CallRefusalReason.WrongParty)]
    [InlineData(Step.Accept, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.Reject, Who.Caller, CallRefusalReason.WrongParty)]
    [InlineData(Step.Reject, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.Cancel, Who.Callee, CallRefusalReason.WrongParty)]
    [InlineData(Step.Cancel, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.HangUp, Who.Caller, CallRefusalReason.WrongState)]
    [InlineData(Step.HangUp, Who.Callee, CallRefusalReason.WrongState)]
    [InlineData(Step.HangUp, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.Rejoin, Who.Callee, CallRefusalReason.OtherDevice)]
    [InlineData(Step.Rejoin, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.ConnectionLost, Who.Callee, CallRefusalReason.OtherDevice)]
    [InlineData(Step.ConnectionLost, Who.Stranger, CallRefusalReason.OtherDevice)]
    [InlineData(Step.Expire, Who.Caller, CallRefusalReason.WrongState)]
    public void Every_other_step_on_a_ringing_call_is_refused(Step step, Who who, CallRefusalReason reason) =>
        Ringing().Take(step, who, Now).Refused(reason);

    [Fact]
    public void The_caller_rejoins_only_from_the_device_that_placed_the_call() =>
        Ringing().Rejoin(Ada, AdaLaptop, "ada-laptop-1").Refused(CallRefusalReason.OtherDevice);

    [Fact]
    public void The_callee_may_answer_while_the_callers_device_is_away_and_the_caller_stays_away()
    {
        var lostAt = T0.AddSeconds(2);
        var callerAway = Ringing().ConnectionLost(AdaConnection, lostAt).Succeeded();

        var active = callerAway.Accept(Bob, BobPhone, BobConnection, Now).Succeeded();

        Assert.Equal(CallState.Active, active.State);
        Assert.Equal(new CallParty(Ada, AdaPhone, ConnectionId: null, lostAt), active.Caller);
        Assert.Equal(lostAt + Timings.ReconnectWithin, active.Deadline);
        Assert.Equal(2, active.Version);
    }
}
