namespace ChatApp.BuildingBlocks.Eventing.Outbox;

/// <summary>Settings of the outbox dispatcher, under <c>Outbox</c> in configuration.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Rows claimed per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often to look for rows when no local commit said there are some.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirmation.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long dispatched outbox rows and inbox entries are kept (redeliveries older than this are not deduplicated).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
