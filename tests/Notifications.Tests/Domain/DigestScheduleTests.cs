using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Tests.Domain;

public sealed class DigestScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_digest_goes_now() => Assert.Equal(Now, DigestSchedule.NextSlot(null, Now));

    [Fact]
    public void A_digest_within_the_hour_waits_for_the_hour_to_pass() =>
        Assert.Equal(Now.AddMinutes(40), DigestSchedule.NextSlot(Now.AddMinutes(-20), Now));

    [Fact]
    public void A_digest_after_the_hour_goes_now() => Assert.Equal(Now, DigestSchedule.NextSlot(Now.AddMinutes(-61), Now));

    [Fact]
    public void A_digest_behind_a_waiting_one_goes_an_hour_after_it() =>
        Assert.Equal(Now.AddMinutes(90), DigestSchedule.NextSlot(Now.AddMinutes(30), Now));
}
