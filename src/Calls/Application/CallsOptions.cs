using ChatApp.Calls.Domain;

namespace ChatApp.Calls.Application;

/// <summary>The <c>Calls</c> configuration section.</summary>
public sealed class CallsOptions
{
    public const string Section = "Calls";

    public TimeSpan RingFor { get; set; } = CallTimings.Default.RingFor;

    public TimeSpan ReconnectWithin { get; set; } = CallTimings.Default.ReconnectWithin;

    /// <summary>How often each replica looks for calls whose time ran out.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    public CallTimings Timings => new(RingFor, ReconnectWithin);
}
