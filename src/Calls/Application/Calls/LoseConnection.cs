namespace ChatApp.Calls.Application.Calls;

/// <summary>
/// A hub connection closed: a call it held waits for its device to come back (the other person
/// sees them reconnecting), and fails once the grace time is over (see <see cref="ExpireDueCalls"/>).
/// </summary>
public sealed class LoseConnection(ICallStore store, CallSteps steps)
{
    public async Task ExecuteAsync(string connectionId, CancellationToken cancellationToken)
    {
        foreach (var call in await store.FindHeldByConnectionAsync(connectionId, cancellationToken))
            await steps.TakeAsync(call.Id, null, (current, now) => current.ConnectionLost(connectionId, now), cancellationToken);
    }
}
