using System.Threading.Channels;

namespace ChatApp.Messaging.Application.Batching;

/// <summary>
/// A request waiting in a <see cref="Batcher{TRequest, TResult}"/>, answered when its batch is done.
/// </summary>
public abstract class Batched<TResult>
{
    public TaskCompletionSource<TResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Coalesces requests that arrive while earlier ones are being written: each round takes
/// everything waiting (up to <see cref="MaxBatch"/>) and writes it in one go, so under load a
/// hundred sends cost a few database round trips instead of hundreds, and alone a request waits
/// for nobody. A few loops run side by side, so one slow batch does not hold up the rest.
/// The queue is bounded (<see cref="WriteQueueOptions"/>): when the database falls behind, a
/// request waits briefly for room and is then answered <see cref="Busy"/>, rather than everyone's
/// requests queueing for ever longer. The host starts and stops it with the service.
/// </summary>
public abstract class Batcher<TRequest, TResult>(WriteQueueOptions queue)
    where TRequest : Batched<TResult>
{
    public const int MaxBatch = 64;
    private const int Loops = 2;
    private Task _loops = Task.CompletedTask;
    private readonly Channel<TRequest> _waiting = Channel.CreateBounded<TRequest>(
        new BoundedChannelOptions(queue.Capacity) { SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues <paramref name="request"/> and waits for its answer; <see cref="Busy"/> when the queue stays full.</summary>
    public async Task<TResult> SubmitAsync(TRequest request, CancellationToken cancellationToken)
    {
        if (!_waiting.Writer.TryWrite(request))
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            waiting.CancelAfter(queue.MaxWait);
            try
            {
                await _waiting.Writer.WriteAsync(request, waiting.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Busy(queue.MaxWait);
            }
            catch (ChannelClosedException ex)
            {
                throw new InvalidOperationException("The service is stopping.", ex);
            }
        }
        // The caller may stop waiting; the batch still writes the request (it may already be in the database).
        return await request.Answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes one batch and answers every request in it (with a result or an exception).</summary>
    protected abstract Task WriteAsync(IReadOnlyList<TRequest> batch);

    /// <summary>The answer to a request refused because the queue stayed full: try again after <paramref name="retryAfter"/>.</summary>
    protected abstract TResult Busy(TimeSpan retryAfter);

    /// <summary>Starts the loops that write batches; they run until <see cref="StopAsync"/>.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loops = Task.WhenAll(Enumerable.Range(0, Loops).Select(_ => LoopAsync()));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes no more requests. What was accepted is still written: the loops drain the queue, then
    /// end; this waits for them, or until <paramref name="cancellationToken"/> says to stop waiting.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _waiting.Writer.TryComplete();
        await Task.WhenAny(_loops, Task.Delay(Timeout.Infinite, cancellationToken));
    }

    /// <summary>Runs until the queue is completed and empty: a stop lets accepted requests finish.</summary>
    private async Task LoopAsync()
    {
        var batch = new List<TRequest>(MaxBatch);
        while (await _waiting.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var request))
                batch.Add(request);
            if (batch.Count == 0)
                continue;
            try
            {
                await WriteAsync(batch);
            }
            // WriteAsync answers its requests; whatever escaped it goes to those still waiting,
            // and the loop carries on with the next batch.
            catch (Exception ex)
            {
                foreach (var request in batch)
                    request.Answer.TrySetException(ex);
            }
        }
    }
}
