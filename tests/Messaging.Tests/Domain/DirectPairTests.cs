using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Tests.Domain;

public sealed class DirectPairTests
{
    private static readonly Guid Ada = Guid.Parse("0195c9a1-0000-7000-8000-00000000000a");
    private static readonly Guid Bob = Guid.Parse("0195c9a1-0000-7000-8000-00000000000b");

    [Fact]
    public void A_pair_has_one_key_whoever_comes_first()
    {
        Assert.Equal(new DirectPair(Ada, Bob), new DirectPair(Bob, Ada));
        Assert.Equal(new DirectPair(Ada, Bob).Key, new DirectPair(Bob, Ada).Key);
        Assert.Equal($"{Ada:D}:{Bob:D}", new DirectPair(Bob, Ada).Key);
    }

    [Fact]
    public void The_key_fits_its_column() => Assert.Equal(73, new DirectPair(Guid.NewGuid(), Guid.NewGuid()).Key.Length);

    [Fact]
    public void Different_pairs_have_different_keys() => Assert.NotEqual(new DirectPair(Ada, Bob).Key, new DirectPair(Ada, Guid.NewGuid()).Key);

    [Fact]
    public void Nobody_forms_a_pair_with_themselves() => Assert.Throws<ArgumentException>(() => new DirectPair(Ada, Ada));
}
