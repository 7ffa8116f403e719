namespace ChatApp.Calls.Domain;

/// <summary>How long a call rings before it counts as missed, and how long a device that lost its connection has to come back.</summary>
public sealed record CallTimings(TimeSpan RingFor, TimeSpan ReconnectWithin)
{
    public static readonly CallTimings Default = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));
}
