namespace ChatApp.Messaging.Application.Limits;

/// <summary>
/// A token bucket: up to <see cref="Burst"/> at once, refilled continuously at
/// <see cref="PerSecond"/> (no clock-aligned windows, so no double burst at a window's edge).
/// </summary>
public sealed class TokenBucket
{
    public int Burst { get; set; }

    public double PerSecond { get; set; }

    public bool IsValid => Burst >= 1 && PerSecond > 0;
}
