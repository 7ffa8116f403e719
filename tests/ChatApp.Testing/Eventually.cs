namespace ChatApp.Testing;

/// <summary>Waiting for something asynchronous to become true, with a deadline and a clear failure.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Polls <paramref name="condition"/> until it holds; after <paramref name="timeout"/> fails with <paramref name="describeFailure"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describeFailure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{describeFailure()} (waited {timeout}).");
            await Task.Delay(PollInterval);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> describeFailure) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, describeFailure);
}
