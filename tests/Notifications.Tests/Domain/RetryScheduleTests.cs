using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Tests.Domain;

public sealed class RetryScheduleTests
{
    private static readonly RetrySchedule Schedule = new(MaxAttempts: 5, FirstDelay: TimeSpan.FromSeconds(30), MaxDelay: TimeSpan.FromMinutes(2));

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 120)]
    public void Delays_double_up_to_the_cap(int attemptsMade, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Schedule.DelayAfter(attemptsMade));

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void No_attempt_is_left_after_the_last(int attemptsMade) => Assert.Null(Schedule.DelayAfter(attemptsMade));

    [Fact]
    public void A_schedule_with_one_attempt_never_retries() => Assert.Null((Schedule with { MaxAttempts = 1 }).DelayAfter(1));

    [Fact]
    public void Huge_attempt_counts_do_not_overflow() =>
        Assert.Equal(TimeSpan.FromMinutes(2), (Schedule with { MaxAttempts = 1000 }).DelayAfter(999));
}
