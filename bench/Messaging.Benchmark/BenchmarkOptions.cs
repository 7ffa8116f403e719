using System.Globalization;

namespace ChatApp.Messaging.Benchmark;

/// <summary>The run's shape, from <c>--name value</c> arguments; the defaults are the targets.</summary>
public sealed record BenchmarkOptions(int Users, int Rate, TimeSpan WarmUp, TimeSpan Window, int IdleConnections, TimeSpan IdleHold, int BodyBytes, bool Acknowledge, bool Baseline, bool Ceiling, TimeSpan Step)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(
            Users: Int("users", 1000),
            Rate: Int("rate", 1000),
            WarmUp: TimeSpan.FromSeconds(Int("warmup", 30)), // Long enough for the services' code to be compiled to its final tier.
            Window: TimeSpan.FromSeconds(Int("seconds", 60)),
            IdleConnections: Int("idle", 20_000),
            IdleHold: TimeSpan.FromSeconds(Int("hold", 30)),
            // Bytes of text in each message's envelope; the envelope adds keys, nonces and a signature (about 700 bytes for two people).
            BodyBytes: Int("body", 512),
            Acknowledge: !values.TryGetValue("acks", out var acks) || acks != "off",
            Baseline: !values.TryGetValue("baseline", out var baseline) || baseline != "off",
            Ceiling: !values.TryGetValue("ceiling", out var ceiling) || ceiling != "off",
            // Each rate of the ceiling's ladder: 5 s warm-up and this long measured.
            Step: TimeSpan.FromSeconds(Int("step", 20)));
    }
}
