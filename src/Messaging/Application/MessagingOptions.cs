namespace ChatApp.Messaging.Application;

/// <summary>The limits and timings of messaging, from the <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Largest message envelope accepted, in UTF-8 bytes.</summary>
    public int MaxBodyBytes { get; set; } = Domain.MessageBody.DefaultMaxBytes;

    /// <summary>
    /// The largest request or hub message that carries one envelope: JSON may escape nearly every
    /// byte of it into two (a newline is <c>\n</c>), plus room for the rest of the request.
    /// </summary>
    public long MaxMessageRequestBytes => MaxBodyBytes * 2L + 16 * 1024;

    /// <summary>How often one person may send, edit, report receipts and announce typing.</summary>
    public Limits.PersonRateLimits RateLimits { get; set; } = new();

    /// <summary>How many sends (and, apart, receipts) may wait to be written, and how long for room.</summary>
    public Batching.WriteQueueOptions WriteQueue { get; set; } = new();

    /// <summary>Most people in one group, owner included.</summary>
    public int MaxGroupMembers { get; set; } = 256;

    /// <summary>How long a message stays unread by an offline member before they get a digest email about it.</summary>
    public TimeSpan DigestAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often unread messages are looked at for digests.</summary>
    public TimeSpan DigestScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most messages one history page or one sync answer carries per conversation.</summary>
    public int MaxPageSize { get; set; } = 200;
}
