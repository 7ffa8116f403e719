using ChatApp.Calls.Domain;
using static ChatApp.Calls.Tests.Domain.CallScene;

namespace ChatApp.Calls.Tests.Domain;

/// <summary>How a call begins: ringing with the caller's device holding it, or at once ended as busy.</summary>
public sealed class CallStartTests
{
    [Fact]
    public void A_started_call_rings_until_the_ring_time_is_over_held_by_the_callers_device()
    {
        var call = Call.Start(CallId, Ada, AdaPhone, AdaConnection, Bob, T0, Timings).Succeeded();

        Assert.Equal(CallId, call.Id);
        Assert.Equal(CallState.Ringing, call.State);
        Assert.Equal(new CallParty(Ada, AdaPhone, AdaConnection, LostAt: null), call.Caller);
        Assert.Equal(new CallParty(Bob), call.Callee);
        Assert.Equal(T0, call.CreatedAt);
        Assert.Equal(T0.AddSeconds(30), call.RingUntil);
        Assert.Equal(TimeSpan.FromSeconds(15), call.ReconnectWithin);
        Assert.Equal(0, call.Version);
        Assert.Null(call.AnsweredAt);
        Assert.Null(call.EndedAt);
        Assert.Null(call.Outcome);
        Assert.Null(call.EndedBy);
        Assert.Equal(TimeSpan.Zero, call.Duration);
        Assert.Equal(call.RingUntil, call.Deadline);
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(45, 20)]
    public void The_ring_and_reconnect_times_come_from_the_timings(int ringSeconds, int reconnectSeconds)
    {
        var timings = new CallTimings(TimeSpan.FromSeconds(ringSeconds), TimeSpan.FromSeconds(reconnectSeconds));

        var call = Call.Start(CallId, Ada, AdaPhone, AdaConnection, Bob, T0, timings).Succeeded();

        Assert.Equal(T0.AddSeconds(ringSeconds), call.RingUntil);
        Assert.Equal(TimeSpan.FromSeconds(reconnectSeconds), call.ReconnectWithin);
    }

    [Fact]
    public void Nobody_calls_themselves() =>
        Call.Start(CallId, Ada, AdaPhone, AdaConnection, Ada, T0, Timings).Refused(CallRefusalReason.Invalid);

    [Fact]
    public void A_call_to_someone_already_in_a_call_ends_at_once_as_busy_without_a_duration()
    {
        var call = Call.Busy(CallId, Ada, AdaPhone, Bob, T0);

        Assert.Equal(CallId, call.Id);
        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal(CallOutcome.Busy, call.Outcome);
        Assert.Equal(new CallParty(Ada, AdaPhone), call.Caller);
        Assert.Equal(new CallParty(Bob), call.Callee);
        Assert.Equal(T0, call.CreatedAt);
        Assert.Equal(T0, call.EndedAt);
        Assert.Null(call.AnsweredAt);
        Assert.Null(call.EndedBy);
        Assert.Equal(TimeSpan.Zero, call.Duration);
        Assert.Null(call.Deadline);
        Assert.Equal(0, call.Version);
    }
}
