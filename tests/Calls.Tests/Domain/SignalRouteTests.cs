using ChatApp.Calls.Domain;
using static ChatApp.Calls.Tests.Domain.CallScene;

namespace ChatApp.Calls.Tests.Domain;

/// <summary>Offers, answers and candidates pass only between the two devices holding an answered call.</summary>
public sealed class SignalRouteTests
{
    private static readonly DateTimeOffset LostAt = AnsweredAt.AddSeconds(40);

    [Theory]
    [InlineData(Who.Caller, BobConnection)]
    [InlineData(Who.Callee, AdaConnection)]
    public void A_signal_from_one_holding_device_goes_to_the_other_sides_connection(Who who, string target)
    {
        var refusal = Active().RouteSignal(Person(who), Device(who), out var targetConnection);

        Assert.Null(refusal);
        Assert.Equal(target, targetConnection);
    }

    [Fact]
    public void After_the_other_device_rejoined_signals_go_to_its_new_connection()
    {
        var back = Active().ConnectionLost(BobConnection, LostAt).Succeeded().Rejoin(Bob, BobPhone, "bob-phone-2").Succeeded();

        Assert.Null(back.RouteSignal(Ada, AdaPhone, out var targetConnection));
        Assert.Equal("bob-phone-2", targetConnection);
    }

    [Theory]
    [InlineData(Who.Caller)]
    [InlineData(Who.Callee)]
    public void No_signal_goes_to_a_side_that_is_reconnecting(Who who)
    {
        var other = who == Who.Caller ? Who.Callee : Who.Caller;
        var away = Active().ConnectionLost(Connection(other), LostAt).Succeeded();

        AssertRefused(away.RouteSignal(Person(who), Device(who), out var targetConnection), targetConnection, CallRefusalReason.WrongState);
    }

    [Theory]
    [InlineData(Who.Caller)]
    [InlineData(Who.Callee)]
    public void A_device_that_does_not_hold_the_call_cannot_signal(Who who)
    {
        var otherDevice = who == Who.Caller ? AdaLaptop : BobLaptop;

        AssertRefused(Active().RouteSignal(Person(who), otherDevice, out var targetConnection), targetConnection, CallRefusalReason.OtherDevice);
    }

    [Fact]
    public void A_stranger_cannot_signal_even_from_a_device_of_the_call() =>
        AssertRefused(Active().RouteSignal(Eve, BobPhone, out var targetConnection), targetConnection, CallRefusalReason.NotYourCall);

    [Theory]
    [InlineData(Who.Caller)]
    [InlineData(Who.Callee)]
    public void Nothing_is_signalled_while_the_call_rings(Who who) =>
        AssertRefused(Ringing().RouteSignal(Person(who), Device(who), out var targetConnection), targetConnection, CallRefusalReason.WrongState);

    [Theory]
    [InlineData(CallOutcome.Completed)]
    [InlineData(CallOutcome.Missed)]
    [InlineData(CallOutcome.Rejected)]
    [InlineData(CallOutcome.Cancelled)]
    [InlineData(CallOutcome.Busy)]
    [InlineData(CallOutcome.Failed)]
    public void Nothing_is_signalled_once_the_call_ended(CallOutcome outcome) =>
        AssertRefused(Ended(outcome).RouteSignal(Ada, AdaPhone, out var targetConnection), targetConnection, CallRefusalReason.WrongState);

    private static void AssertRefused(CallRefusal? refusal, string targetConnection, CallRefusalReason reason)
    {
        Assert.NotNull(refusal);
        Assert.Equal(reason, refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        Assert.Equal(string.Empty, targetConnection);
    }
}
