namespace ChatApp.Messaging.Infrastructure.Presence;

/// <summary>How presence survives a replica that dies without saying goodbye (section <c>Presence</c>).</summary>
public sealed class PresenceOptions
{
    public const string Section = "Presence";

    /// <summary>How long a connection counts as alive without being renewed.</summary>
    public TimeSpan ConnectionLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each replica renews its connections and forgets the expired ones of others.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Live hub connections one person may hold across every replica (tabs, phones, desktops);
    /// the next is refused, so one account cannot tie up a replica's connections and memory.
    /// </summary>
    public int MaxConnectionsPerPerson { get; set; } = 20;
}
