namespace ChatApp.Calls.Application.Calls;

/// <summary>The call the person is in right now, ringing or answered: what a freshly opened app shows (and rejoins).</summary>
public sealed class GetCurrentCall(ICallStore store, CallViews views)
{
    public async Task<CallView?> ExecuteAsync(Guid userId, CancellationToken cancellationToken) =>
        await store.FindCurrentAsync(userId, cancellationToken) is { } call ? await views.OfAsync(call, cancellationToken) : null;
}
