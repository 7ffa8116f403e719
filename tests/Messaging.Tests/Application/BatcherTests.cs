using System.Collections.Concurrent;
using System.Diagnostics;
using ChatApp.Messaging.Application.Batching;

namespace ChatApp.Messaging.Tests.Application;

/// <summary>The write queue is bounded: while the database is stuck, it holds at most its capacity and pushes back on the rest.</summary>
public sealed class BatcherTests
{
    [Fact]
    public async Task A_full_queue_makes_the_sender_wait_briefly_then_answers_busy_and_holds_no_more_than_its_capacity()
    {
        var queue = new WriteQueueOptions { Capacity = 4, MaxWait = TimeSpan.FromMilliseconds(300) };
        var writer = new StuckWriter(queue);
        await writer.StartAsync(CancellationToken.None);
        // Each of the writer's loops holds a batch of up to MaxBatch; beyond those and the queue, nothing is taken.
        const int Sent = 2 * StuckWriter.MaxBatch + 4 + 20;

        var clock = Stopwatch.StartNew();
        var answers = Enumerable.Range(0, Sent).Select(i => writer.SubmitAsync(new Item(i), CancellationToken.None)).ToList();
        var first = await (await Task.WhenAny(answers)).WaitAsync(TimeSpan.FromSeconds(10));
        var waited = clock.Elapsed;
        // Whoever still waits for room gives up as well meanwhile: the stuck writer frees none.
        await Task.Delay(queue.MaxWait * 5);
        var refusedWhileStuck = answers.Count(answer => answer.IsCompleted);
        var heldByTheWriter = writer.Taken.Count;
        writer.Release();
        var results = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("busy", first);
        var refused = results.Count(result => result == "busy");
        Assert.True(refused > 0, "Nothing was refused.");
        // What was not refused was either in a stuck batch or waiting in the queue: at most its capacity.
        Assert.InRange(Sent - refused - heldByTheWriter, 0, queue.Capacity);
        Assert.InRange(heldByTheWriter, 1, 2 * StuckWriter.MaxBatch);
        Assert.All(results.Where(result => result != "busy"), result => Assert.Equal("written", result));
        Assert.Equal(Sent - refused, writer.Taken.Count);
        // Refused after waiting for room, not at once.
        Assert.True(waited >= queue.MaxWait * 0.9, $"Refused after {waited.TotalMilliseconds:0} ms");
        Assert.Equal(refusedWhileStuck, results.Count(result => result == "busy"));
        await writer.StopAsync(CancellationToken.None);
    }

    private sealed class Item(int number) : Batched<string>
    {
        public int Number { get; } = number;
    }

    /// <summary>A writer whose database is stuck until <see cref="Release"/>.</summary>
    private sealed class StuckWriter(WriteQueueOptions queue) : Batcher<Item, string>(queue)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentBag<int> Taken { get; } = [];

        public void Release() => _released.TrySetResult();

        protected override async Task WriteAsync(IReadOnlyList<Item> batch)
        {
            foreach (var item in batch)
                Taken.Add(item.Number);
            await _released.Task;
            foreach (var item in batch)
                item.Answer.TrySetResult("written");
        }

        protected override string Busy(TimeSpan retryAfter) => "busy";
    }
}
