using Microsoft.AspNetCore.SignalR;

namespace ChatApp.BuildingBlocks.Realtime;

/// <summary>
/// Answers a rate-limited hub call only after the wait it names (at most <paramref name="longestHold"/>).
/// A connection runs one call at a time, so a client calling in a loop gets one refusal per wait
/// instead of thousands a second that each cost a round trip to the limiter; a client that waits
/// for the hint, as the web app does, loses nothing.
/// </summary>
public sealed class HoldRateLimitedCalls(TimeSpan longestHold) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refusal) when (refusal.Data[HubErrors.RetryAfterKey] is TimeSpan retryAfter)
        {
            var hold = retryAfter < longestHold ? retryAfter : longestHold;
            await Task.Delay(hold, invocationContext.Context.ConnectionAborted);
            throw;
        }
    }
}
