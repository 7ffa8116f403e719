using ChatApp.Calls.Domain;
using static ChatApp.Calls.Tests.Domain.CallScene;

namespace ChatApp.Calls.Tests.Domain;

/// <summary>An answered call: either person hangs up; answering again only from the device that answered.</summary>
public sealed class ActiveCallTests
{
    private static readonly DateTimeOffset Now = AnsweredAt.AddMinutes(3).AddMilliseconds(250);

    [Fact]
    public void The_same_device_answering_again_gets_the_call_unchanged()
    {
        var active = Active();

        var again = active.Accept(Bob, BobPhone, BobConnection, Now).Succeeded();

        Assert.Same(active, again);
        Assert.Equal(1, again.Version);
        Assert.Equal(AnsweredAt, again.AnsweredAt);
    }

    [Fact]
    public void Another_device_of_the_callee_cannot_answer_once_one_has() =>
        Active().Accept(Bob, BobLaptop, "bob-laptop-1", Now).Refused(CallRefusalReason.OtherDevice);

    [Theory]
    [InlineData(Who.Caller)]
    [InlineData(Who.Callee)]
    public void Either_person_hangs_up_and_the_call_lasted_from_the_answer_to_the_end(Who who)
    {
        var ended = Active().HangUp(Person(who), Now).Succeeded();

        Assert.Equal(CallState.Ended, ended.State);
        Assert.Equal(CallOutcome.Completed, ended.Outcome);
        Assert.Equal(Now, ended.EndedAt);
        Assert.Equal(Person(who), ended.EndedBy);
        Assert.Equal(AnsweredAt, ended.AnsweredAt);
        Assert.Equal(new TimeSpan(0, 0, 3, 0, 250), ended.Duration);
        Assert.Null(ended.Deadline);
        Assert.Equal(2, ended.Version);
    }

    [Fact]
    public void A_call_hung_up_while_the_other_device_is_away_is_still_completed()
    {
        var calleeAway = Active().ConnectionLost(BobConnection, AnsweredAt.AddSeconds(10)).Succeeded();

        var ended = calleeAway.HangUp(Ada, AnsweredAt.AddSeconds(12)).Succeeded();

        Assert.Equal(CallOutcome.Completed, ended.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(12), ended.Duration);
        Assert.Equal(Ada, ended.EndedBy);
    }

    [Theory]
    [InlineData(Step.Accept, Who.Caller, CallRefusalReason.WrongParty)]
    [InlineData(Step.Accept, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.Reject, Who.Callee, CallRefusalReason.WrongState)]
    [InlineData(Step.Reject, Who.Caller, CallRefusalReason.WrongParty)]
    [InlineData(Step.Reject, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.Cancel, Who.Caller, CallRefusalReason.WrongState)]
    [InlineData(Step.Cancel, Who.Callee, CallRefusalReason.WrongParty)]
    [InlineData(Step.Cancel, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.HangUp, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.Rejoin, Who.Stranger, CallRefusalReason.NotYourCall)]
    [InlineData(Step.ConnectionLost, Who.Stranger, CallRefusalReason.OtherDevice)]
    [InlineData(Step.Expire, Who.Caller, CallRefusalReason.WrongState)]
    public void Every_other_step_on_an_active_call_is_refused(Step step, Who who, CallRefusalReason reason) =>
        Active().Take(step, who, Now).Refused(reason);
}
