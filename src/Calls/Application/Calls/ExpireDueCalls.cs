namespace ChatApp.Calls.Application.Calls;

/// <summary>
/// Ends the calls whose time ran out: unanswered ones as missed, ones whose device did not come
/// back as failed. Every replica runs it against the shared store, so a timeout fires even when
/// the replica that started the call is gone; the store lets exactly one of them end each call.
/// </summary>
public sealed class ExpireDueCalls(ICallStore store, CallSteps steps, TimeProvider clock)
{
    public const int BatchSize = 50;

    /// <summary>Returns true when more calls may be due right now.</summary>
    public async Task<bool> ExecuteAsync(CancellationToken cancellationToken)
    {
        var due = await store.FindDueAsync(clock.Now(), BatchSize, cancellationToken);
        foreach (var callId in due)
            // A call another replica ended first is refused here ("nothing is due"), which is what we want.
            await steps.TakeAsync(callId, null, (call, now) => call.Expire(now), cancellationToken);
        return due.Count == BatchSize;
    }
}
