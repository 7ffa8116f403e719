using System.Collections.Concurrent;

namespace ChatApp.Messaging.Benchmark.Load;

/// <summary>Send-to-deliver times, kept only while recording (the measured window, not the warm-up).</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public bool Recording { get; set; }

    public int Count => _milliseconds.Count;

    public void Record(TimeSpan latency)
    {
        if (Recording)
            _milliseconds.Add(latency.TotalMilliseconds);
    }

    public Percentiles Summarise()
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new Percentiles(sorted.Length, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(quantile * sorted.Length) - 1)];
}

public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max);
