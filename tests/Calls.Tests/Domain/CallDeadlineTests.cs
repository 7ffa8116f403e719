using ChatApp.Calls.Domain;
using static ChatApp.Calls.Tests.Domain.CallScene;

namespace ChatApp.Calls.Tests.Domain;

/// <summary>When a call ends by itself, and how: missed when it rang out, failed when a lost device did not come back.</summary>
public sealed class CallDeadlineTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    private static Call CallerAwayWhileRinging(int secondsAfterStart) =>
        Ringing().ConnectionLost(AdaConnection, T0.AddSeconds(secondsAfterStart)).Succeeded();

    [Fact]
    public void A_ringing_call_is_due_when_the_ring_time_is_over() => Assert.Equal(T0.AddSeconds(30), Ringing().Deadline);

    [Theory]
    [InlineData(0, 15)]
    [InlineData(5, 20)]
    [InlineData(15, 30)]
    [InlineData(20, 30)]
    [InlineData(29, 30)]
    public void A_ringing_call_whose_caller_is_away_is_due_at_the_earlier_of_the_ring_end_and_the_grace_end(int lostAfter, int dueAfter) =>
        Assert.Equal(T0.AddSeconds(dueAfter), CallerAwayWhileRinging(lostAfter).Deadline);

    [Fact]
    public void An_active_call_with_both_devices_present_is_never_due() => Assert.Null(Active().Deadline);

    [Theory]
    [InlineData(10, null, 25)]
    [InlineData(null, 10, 25)]
    [InlineData(10, 12, 25)]
    [InlineData(12, 10, 25)]
    [InlineData(7, 7, 22)]
    public void An_active_call_is_due_when_the_first_lost_devices_grace_is_over(int? callerLostAfter, int? calleeLostAfter, int dueAfter)
    {
        var call = Active();
        if (callerLostAfter is { } caller)
            call = call.ConnectionLost(AdaConnection, AnsweredAt.AddSeconds(caller)).Succeeded();
        if (calleeLostAfter is { } callee)
            call = call.ConnectionLost(BobConnection, AnsweredAt.AddSeconds(callee)).Succeeded();

        Assert.Equal(AnsweredAt.AddSeconds(dueAfter), call.Deadline);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_call_that_rang_out_is_missed_at_the_ring_end_whenever_it_is_expired(int secondsLate)
    {
        var missed = Ringing().Expire(RingEnd.AddSeconds(secondsLate)).Succeeded();

        Assert.Equal(CallState.Ended, missed.State);
        Assert.Equal(CallOutcome.Missed, missed.Outcome);
        Assert.Equal(RingEnd, missed.EndedAt);
        Assert.Null(missed.EndedBy);
        Assert.Null(missed.AnsweredAt);
        Assert.Equal(TimeSpan.Zero, missed.Duration);
        Assert.Equal(1, missed.Version);
    }

    [Fact]
    public void A_ringing_call_whose_away_caller_is_still_in_grace_when_the_ring_ends_is_missed()
    {
        var missed = CallerAwayWhileRinging(20).Expire(RingEnd).Succeeded();

        Assert.Equal(CallOutcome.Missed, missed.Outcome);
        Assert.Equal(RingEnd, missed.EndedAt);
        Assert.Null(missed.EndedBy);
    }

    [Fact]
    public void A_ringing_call_whose_caller_did_not_come_back_in_time_failed_when_the_caller_was_lost()
    {
        var lostAt = T0.AddSeconds(5);

        var failed = CallerAwayWhileRinging(5).Expire(lostAt + Grace).Succeeded();

        Assert.Equal(CallState.Ended, failed.State);
        Assert.Equal(CallOutcome.Failed, failed.Outcome);
        Assert.Equal(lostAt, failed.EndedAt);
        Assert.Equal(Ada, failed.EndedBy);
        Assert.Null(failed.AnsweredAt);
        Assert.Equal(TimeSpan.Zero, failed.Duration);
        Assert.Equal(2, failed.Version);
    }

    [Theory]
    [InlineData(Who.Caller, 0)]
    [InlineData(Who.Callee, 0)]
    [InlineData(Who.Callee, 4)]
    public void An_active_call_whose_device_did_not_come_back_failed_when_it_was_lost(Who who, int secondsLate)
    {
        var lostAt = AnsweredAt.AddSeconds(40);
        var away = Active().ConnectionLost(Connection(who), lostAt).Succeeded();

        var failed = away.Expire(lostAt + Grace + TimeSpan.FromSeconds(secondsLate)).Succeeded();

        Assert.Equal(CallState.Ended, failed.State);
        Assert.Equal(CallOutcome.Failed, failed.Outcome);
        Assert.Equal(lostAt, failed.EndedAt);
        Assert.Equal(Person(who), failed.EndedBy);
        Assert.Equal(AnsweredAt, failed.AnsweredAt);
        Assert.Equal(TimeSpan.FromSeconds(40), failed.Duration);
        Assert.Equal(3, failed.Version);
    }

    [Fact]
    public void When_both_devices_are_away_the_first_one_lost_ended_the_call()
    {
        var away = Active()
            .ConnectionLost(BobConnection, AnsweredAt.AddSeconds(10)).Succeeded()
            .ConnectionLost(AdaConnection, AnsweredAt.AddSeconds(12)).Succeeded();

        var failed = away.Expire(AnsweredAt.AddSeconds(30)).Succeeded();

        Assert.Equal(CallOutcome.Failed, failed.Outcome);
        Assert.Equal(Bob, failed.EndedBy);
        Assert.Equal(AnsweredAt.AddSeconds(10), failed.EndedAt);
        Assert.Equal(TimeSpan.FromSeconds(10), failed.Duration);
    }

    [Fact]
    public void Nothing_is_due_a_moment_before_the_ring_end() =>
        Ringing().Expire(RingEnd.AddTicks(-1)).Refused(CallRefusalReason.WrongState);

    [Fact]
    public void Nothing_is_due_a_moment_before_a_lost_devices_grace_is_over()
    {
        var lostAt = AnsweredAt.AddSeconds(40);
        var away = Active().ConnectionLost(BobConnection, lostAt).Succeeded();

        away.Expire(lostAt + Grace - TimeSpan.FromTicks(1)).Refused(CallRefusalReason.WrongState);
    }

    [Fact]
    public void An_active_call_with_both_devices_present_never_expires() =>
        Active().Expire(AnsweredAt.AddDays(1)).Refused(CallRefusalReason.WrongState);

    [Fact]
    public void A_device_back_before_its_grace_is_over_keeps_the_call_from_expiring()
    {
        var lostAt = AnsweredAt.AddSeconds(40);
        var back = Active().ConnectionLost(BobConnection, lostAt).Succeeded()
            .Rejoin(Bob, BobPhone, "bob-phone-2").Succeeded();

        back.Expire(lostAt + Grace).Refused(CallRefusalReason.WrongState);
    }

    // Fails today: see the report. A call answered while the caller's device was away, which then
    // never came back, "ends" when the caller was lost — before it was answered — so it lasted -5 s.
    [Fact]
    public void A_call_answered_while_the_caller_was_away_never_lasts_less_than_nothing()
    {
        var lostAt = T0.AddSeconds(2);
        var answeredAt = T0.AddSeconds(7);
        var active = CallerAwayWhileRinging(2).Accept(Bob, BobPhone, BobConnection, answeredAt).Succeeded();

        var failed = active.Expire(lostAt + Grace).Succeeded();

        Assert.Equal(CallOutcome.Failed, failed.Outcome);
        Assert.Equal(Ada, failed.EndedBy);
        Assert.True(failed.EndedAt >= failed.AnsweredAt, $"The call ended at {failed.EndedAt:O}, before it was answered at {failed.AnsweredAt:O}.");
        Assert.True(failed.Duration >= TimeSpan.Zero, $"The call lasted {failed.Duration}.");
    }

    // Fails today: see the report. The ring ended (at 30 s) before the away caller's grace did
    // (at 35 s), so the call was missed; expired a few seconds late, it is recorded as failed instead.
    [Fact]
    public void How_a_ringing_call_ended_does_not_depend_on_how_late_it_is_expired()
    {
        var onTime = CallerAwayWhileRinging(20).Expire(RingEnd).Succeeded();
        var late = CallerAwayWhileRinging(20).Expire(RingEnd.AddSeconds(6)).Succeeded();

        Assert.Equal(CallOutcome.Missed, onTime.Outcome);
        Assert.Equal(onTime.Outcome, late.Outcome);
        Assert.Equal(onTime.EndedAt, late.EndedAt);
        Assert.Equal(onTime.EndedBy, late.EndedBy);
    }
}
