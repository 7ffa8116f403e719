namespace ChatApp.Messaging.Domain;

/// <summary>
/// The two people of a direct conversation, in a fixed order, so that a pair has exactly one
/// key whoever writes first: the unique key that keeps it to one conversation per pair.
/// </summary>
public readonly record struct DirectPair
{
    public DirectPair(Guid one, Guid other)
    {
        if (one == other)
            throw new ArgumentException("A direct conversation needs two different people.", nameof(other));
        (First, Second) = one.CompareTo(other) < 0 ? (one, other) : (other, one);
    }

    public Guid First { get; }

    public Guid Second { get; }

    public string Key => $"{First:D}:{Second:D}";
}
