using ChatApp.Calls.Domain;
using static ChatApp.Calls.Tests.Domain.CallScene;

namespace ChatApp.Calls.Tests.Domain;

/// <summary>A device holding the call loses its connection and comes back on a new one (or does not: see <see cref="CallDeadlineTests"/>).</summary>
public sealed class LostConnectionTests
{
    private static readonly DateTimeOffset LostAt = AnsweredAt.AddSeconds(40);

    [Theory]
    [InlineData(Who.Caller)]
    [InlineData(Who.Callee)]
    public void A_lost_connection_keeps_the_device_and_starts_its_grace(Who who)
    {
        var active = Active();

        var away = active.ConnectionLost(Connection(who), LostAt).Succeeded();

        var (lost, other) = who == Who.Caller ? (away.Caller, away.Callee) : (away.Callee, away.Caller);
        Assert.Equal(new CallParty(Person(who), Device(who), ConnectionId: null, LostAt), lost);
        Assert.Equal(who == Who.Caller ? active.Callee : active.Caller, other);
        Assert.Equal(CallState.Active, away.State);
        Assert.Equal(LostAt + TimeSpan.FromSeconds(15), away.Deadline);
        Assert.Equal(2, away.Version);
    }

    [Fact]
    public void The_callers_connection_may_drop_while_the_call_rings()
    {
        var lostAt = T0.AddSeconds(3);

        var away = Ringing().ConnectionLost(AdaConnection, lostAt).Succeeded();

        Assert.Equal(CallState.Ringing, away.State);
        Assert.Equal(new CallParty(Ada, AdaPhone, ConnectionId: null, lostAt), away.Caller);
        Assert.Equal(new CallParty(Bob), away.Callee);
        Assert.Equal(lostAt + TimeSpan.FromSeconds(15), away.Deadline);
        Assert.Equal(1, away.Version);
    }

    [Theory]
    [InlineData(Who.Caller)]
    [InlineData(Who.Callee)]
    public void The_device_rejoins_on_a_new_connection_and_the_grace_deadline_is_gone(Who who)
    {
        var away = Active().ConnectionLost(Connection(who), LostAt).Succeeded();

        var back = away.Rejoin(Person(who), Device(who), "new-connection").Succeeded();

        var party = who == Who.Caller ? back.Caller : back.Callee;
        Assert.Equal(new CallParty(Person(who), Device(who), "new-connection", LostAt: null), party);
        Assert.Equal(CallState.Active, back.State);
        Assert.Null(back.Deadline);
        Assert.Equal(3, back.Version);
    }

    [Fact]
    public void The_caller_rejoining_a_ringing_call_brings_the_deadline_back_to_the_ring_end()
    {
        var away = Ringing().ConnectionLost(AdaConnection, T0.AddSeconds(3)).Succeeded();

        var back = away.Rejoin(Ada, AdaPhone, "ada-phone-2").Succeeded();

        Assert.Equal(new CallParty(Ada, AdaPhone, "ada-phone-2"), back.Caller);
        Assert.Equal(CallState.Ringing, back.State);
        Assert.Equal(RingEnd, back.Deadline);
        Assert.Equal(2, back.Version);
    }

    [Fact]
    public void A_device_reloaded_before_its_connection_was_seen_lost_rejoins_on_its_new_connection()
    {
        var back = Active().Rejoin(Bob, BobPhone, "bob-phone-2").Succeeded();

        Assert.Equal(new CallParty(Bob, BobPhone, "bob-phone-2"), back.Callee);
        Assert.Equal(2, back.Version);
    }

    [Fact]
    public void The_old_connection_dropping_after_the_device_rejoined_changes_nothing()
    {
        var back = Active().Rejoin(Bob, BobPhone, "bob-phone-2").Succeeded();

        back.ConnectionLost(BobConnection, LostAt).Refused(CallRefusalReason.OtherDevice);
    }

    [Fact]
    public void A_connection_is_lost_only_once()
    {
        var away = Active().ConnectionLost(BobConnection, LostAt).Succeeded();

        away.ConnectionLost(BobConnection, LostAt.AddSeconds(1)).Refused(CallRefusalReason.OtherDevice);
    }

    [Fact]
    public void A_connection_that_does_not_hold_the_call_is_not_its_concern() =>
        Active().ConnectionLost("someone-elses-connection", LostAt).Refused(CallRefusalReason.OtherDevice);

    [Theory]
    [InlineData(Who.Caller)]
    [InlineData(Who.Callee)]
    public void Another_device_of_the_same_person_cannot_rejoin(Who who)
    {
        var away = Active().ConnectionLost(Connection(who), LostAt).Succeeded();
        var otherDevice = who == Who.Caller ? AdaLaptop : BobLaptop;

        away.Rejoin(Person(who), otherDevice, "laptop-1").Refused(CallRefusalReason.OtherDevice);
    }

    [Fact]
    public void A_stranger_cannot_rejoin_even_with_a_device_of_the_call()
    {
        var away = Active().ConnectionLost(BobConnection, LostAt).Succeeded();

        away.Rejoin(Eve, BobPhone, "eve-1").Refused(CallRefusalReason.NotYourCall);
    }
}
