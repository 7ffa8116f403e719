namespace ChatApp.AppHost.Tests;

/// <summary>Order statistics of a measurement's samples.</summary>
public static class Figures
{
    /// <summary>The value below which a share <paramref name="p"/> of the samples lie (nearest rank); 0.5 is the median.</summary>
    public static double Percentile(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }

    public static double Median(IEnumerable<double> samples) => Percentile(samples, 0.5);
}
