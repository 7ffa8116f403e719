namespace ChatApp.Calls.Application;

public static class CallClock
{
    /// <summary>
    /// Now, to the millisecond: the precision calls are stored and reported at, so a call read
    /// back from the database equals the call the step produced (and its duration the one pushed).
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
