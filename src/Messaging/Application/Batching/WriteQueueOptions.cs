namespace ChatApp.Messaging.Application.Batching;

/// <summary>
/// How much a writer (<see cref="Batcher{TRequest, TResult}"/>) holds waiting, from
/// <c>Messaging:WriteQueue</c>. Past <see cref="Capacity"/> a request waits up to
/// <see cref="MaxWait"/> for room, then is refused as busy: the queue pushes back instead of
/// growing (and its waits with it) without bound. The batches being written (up to two of
/// <see cref="Batcher{TRequest, TResult}.MaxBatch"/>) come on top of the capacity.
/// </summary>
public sealed class WriteQueueOptions
{
    public int Capacity { get; set; } = 1024;

    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsValid => Capacity >= 1 && MaxWait >= TimeSpan.Zero;
}
