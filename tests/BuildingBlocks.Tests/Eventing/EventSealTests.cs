using ChatApp.BuildingBlocks.Eventing;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>A sealed event field opens with the same key and context only, and shows nothing of what it holds.</summary>
public sealed class EventSealTests
{
    private static readonly EventSeal Seal = new("a-key-of-thirty-two-characters-x");

    [Fact]
    public void A_sealed_value_opens_with_the_same_key_and_context()
    {
        var sealedCode = Seal.Seal("482915", "challenge-1");

        Assert.DoesNotContain("482915", sealedCode, StringComparison.Ordinal);
        Assert.Equal("482915", new EventSeal("a-key-of-thirty-two-characters-x").Open(sealedCode, "challenge-1"));
    }

    [Fact]
    public void The_same_value_sealed_twice_looks_different()
    {
        Assert.NotEqual(Seal.Seal("482915", "challenge-1"), Seal.Seal("482915", "challenge-1"));
    }

    [Fact]
    public void Another_key_another_context_a_changed_byte_or_no_sealed_value_at_all_opens_nothing()
    {
        var sealedCode = Seal.Seal("482915", "challenge-1");
        var bytes = Convert.FromBase64String(sealedCode);
        bytes[^1] ^= 1;

        Assert.Null(new EventSeal("another-key-of-32-characters-xyz").Open(sealedCode, "challenge-1"));
        Assert.Null(Seal.Open(sealedCode, "challenge-2"));
        Assert.Null(Seal.Open(Convert.ToBase64String(bytes), "challenge-1"));
        Assert.Null(Seal.Open("482915", "challenge-1"));
        Assert.Null(Seal.Open("not base64 at all!", "challenge-1"));
        Assert.Null(Seal.Open("", "challenge-1"));
        Assert.Null(Seal.Open(null, "challenge-1"));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EventSeal("too-short"));
    }
}
