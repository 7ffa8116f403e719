using System.Diagnostics;
using ChatApp.Messaging.Benchmark.Stack;

namespace ChatApp.Messaging.Benchmark.Load;

/// <summary>What one load run achieved in its measured window.</summary>
/// <remarks>
/// <see cref="Acknowledged"/> counts the answers that came back within the window: a server that
/// falls behind is not credited with what it answers while the load generator drains.
/// </remarks>
/// <see cref="Answered"/> counts every answer, warm-up and drain included (what the server should have stored);
/// <see cref="Latency"/> is send → delivered to the peer, <see cref="Answer"/> send → the sender's ✓;
/// <see cref="Cpu"/> is each process's CPU time during the window.
public sealed record LoadResult(
    string System, int Users, int TargetRate, TimeSpan Window, long Sent, long Acknowledged, long Failed, long Answered,
    Percentiles Latency, Percentiles Answer, long MaxInFlight, IReadOnlyDictionary<string, TimeSpan> Cpu)
{
    public double AcknowledgedPerSecond => Acknowledged / Window.TotalSeconds;

    /// <summary>Milliseconds of CPU a process spent per 1,000 messages sent in the window.</summary>
    public double CpuMillisecondsPerThousand(string process) => Sent == 0 ? double.NaN : Cpu[process].TotalMilliseconds * 1000 / Sent;

    /// <summary>Met the target rate: nearly every message answered within the window, none failed, and p99 within <paramref name="p99"/> ms.</summary>
    public bool Sustained(double p99) => AcknowledgedPerSecond >= TargetRate * 0.99 && Failed == 0 && Latency.P99 <= p99;
}

/// <summary>
/// An open-loop load: messages leave at the target rate whether or not earlier ones were answered
/// (as people keep typing), spread round-robin over the users, so a server that falls behind shows
/// it as latency and in-flight messages rather than as a politely lower rate.
/// </summary>
public static class SteadyLoad
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    public static async Task<LoadResult> RunAsync(string system, IReadOnlyList<SimulatedUser> users, int rate, TimeSpan warmUp, TimeSpan window, LatencyRecorder latencies, CpuMeter cpu)
    {
        long sent = 0, acknowledged = 0, failed = 0, answered = 0, inFlight = 0, maxInFlight = 0;
        var measuring = false;
        var windowOver = false;
        var clock = Stopwatch.StartNew();
        var answers = new LatencyRecorder();
        var next = 0;
        var total = warmUp + window;
        using var timer = new PeriodicTimer(Tick);
        long dispatched = 0;
        while (clock.Elapsed < total)
        {
            await timer.WaitForNextTickAsync();
            if (!measuring && clock.Elapsed >= warmUp)
            {
                measuring = true;
                latencies.Recording = answers.Recording = true;
                cpu.Start();
            }

            var due = (long)(rate * clock.Elapsed.TotalSeconds);
            for (; dispatched < due; dispatched++)
            {
                var user = users[next++ % users.Count];
                var counted = measuring;
                if (counted)
                    Interlocked.Increment(ref sent);
                var now = Interlocked.Increment(ref inFlight);
                if (counted && now > Interlocked.Read(ref maxInFlight))
                    Interlocked.Exchange(ref maxInFlight, now);
                var leftAt = Stopwatch.GetTimestamp();
                _ = user.SendAsync().ContinueWith(send =>
                {
                    Interlocked.Decrement(ref inFlight);
                    answers.Record(Stopwatch.GetElapsedTime(leftAt));
                    if (send.IsCompletedSuccessfully)
                        Interlocked.Increment(ref answered);
                    if (!counted || Volatile.Read(ref windowOver))
                        return;
                    if (send.IsCompletedSuccessfully)
                        Interlocked.Increment(ref acknowledged);
                    else
                        Interlocked.Increment(ref failed);
                }, TaskScheduler.Default);
            }
        }

        var windowEnd = clock.Elapsed;
        Volatile.Write(ref windowOver, true);
        var cpuTime = cpu.Stop();
        // Answers to the last messages of the window still count; wait for them, within reason.
        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref inFlight) > 0 && drain.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(50);
        await Task.Delay(500);
        latencies.Recording = answers.Recording = false;
        return new LoadResult(system, users.Count, rate, windowEnd - warmUp, sent, acknowledged, failed, Interlocked.Read(ref answered),
            latencies.Summarise(), answers.Summarise(), maxInFlight, cpuTime);
    }
}
