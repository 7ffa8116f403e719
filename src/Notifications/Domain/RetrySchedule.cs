namespace ChatApp.Notifications.Domain;

/// <summary>
/// When a failed email is tried again: the delay doubles from <see cref="FirstDelay"/> up to
/// <see cref="MaxDelay"/>, and after <see cref="MaxAttempts"/> attempts it is dead-lettered.
/// </summary>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait before the next attempt, after <paramref name="attemptsMade"/> failed ones; null when there is none left.</summary>
    public TimeSpan? DelayAfter(int attemptsMade)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        if (attemptsMade >= MaxAttempts)
            return null;
        var doubled = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptsMade - 1, 30));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, MaxDelay.TotalMilliseconds));
    }
}
