using System.Threading.Channels;

namespace ChatApp.BuildingBlocks.Background;

/// <summary>
/// Wakes a polling background worker as soon as there is new work in this process, so it
/// reacts within milliseconds instead of at the next poll. The poll remains for work written
/// by another replica. Each worker has its own subclass, so each gets its own signal.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pending.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _pending.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a notification: time to look anyway.
        }
    }
}
