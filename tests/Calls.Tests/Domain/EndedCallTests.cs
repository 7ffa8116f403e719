using ChatApp.Calls.Domain;
using static ChatApp.Calls.Tests.Domain.CallScene;

namespace ChatApp.Calls.Tests.Domain;

/// <summary>An ended call, however it ended, takes no step at all.</summary>
public sealed class EndedCallTests
{
    private static readonly DateTimeOffset Later = T0.AddHours(1);

    public static TheoryData<CallOutcome, Step, Who> StepsOfTheRightPerson()
    {
        (Step, Who)[] steps =
        [
            (Step.Accept, Who.Callee),
            (Step.Reject, Who.Callee),
            (Step.Cancel, Who.Caller),
            (Step.HangUp, Who.Caller),
            (Step.HangUp, Who.Callee),
            (Step.Rejoin, Who.Caller),
            (Step.Rejoin, Who.Callee),
            (Step.ConnectionLost, Who.Caller),
            (Step.ConnectionLost, Who.Callee),
            (Step.Expire, Who.Caller),
        ];
        var data = new TheoryData<CallOutcome, Step, Who>();
        foreach (var outcome in Enum.GetValues<CallOutcome>())
        {
            foreach (var (step, who) in steps)
                data.Add(outcome, step, who);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StepsOfTheRightPerson))]
    public void Every_step_on_an_ended_call_is_refused_as_out_of_state(CallOutcome outcome, Step step, Who who)
    {
        var ended = Ended(outcome);
        Assert.Equal(CallState.Ended, ended.State);
        Assert.Equal(outcome, ended.Outcome);

        ended.Take(step, who, Later).Refused(CallRefusalReason.WrongState);
    }

    public static TheoryData<CallOutcome, Step> StepsOfAStranger()
    {
        var data = new TheoryData<CallOutcome, Step>();
        foreach (var outcome in Enum.GetValues<CallOutcome>())
        {
            foreach (var step in new[] { Step.Accept, Step.Reject, Step.Cancel, Step.HangUp, Step.Rejoin })
                data.Add(outcome, step);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StepsOfAStranger))]
    public void A_stranger_is_told_the_call_is_not_theirs_even_once_it_ended(CallOutcome outcome, Step step) =>
        Ended(outcome).Take(step, Who.Stranger, Later).Refused(CallRefusalReason.NotYourCall);

    [Theory]
    [InlineData(CallOutcome.Completed)]
    [InlineData(CallOutcome.Missed)]
    [InlineData(CallOutcome.Rejected)]
    [InlineData(CallOutcome.Cancelled)]
    [InlineData(CallOutcome.Busy)]
    [InlineData(CallOutcome.Failed)]
    public void An_ended_call_has_no_deadline(CallOutcome outcome) => Assert.Null(Ended(outcome).Deadline);
}
