namespace ChatApp.Messaging.Domain;

/// <summary>
/// How far a member has received or read a conversation, as a message sequence number. It only
/// moves forward, and never past the last message that exists; having read implies having received.
/// </summary>
public readonly record struct ReceiptPointer(long Delivered, long Read)
{
    /// <summary>The pointers after a device reports <paramref name="delivered"/> and <paramref name="read"/> (either may be null), capped at <paramref name="lastSequence"/>.</summary>
    public ReceiptPointer Advance(long? delivered, long? read, long lastSequence)
    {
        var newRead = Math.Max(Read, Math.Min(read ?? 0, lastSequence));
        var newDelivered = Math.Max(Math.Max(Delivered, newRead), Math.Min(delivered ?? 0, lastSequence));
        return new ReceiptPointer(newDelivered, newRead);
    }
}
