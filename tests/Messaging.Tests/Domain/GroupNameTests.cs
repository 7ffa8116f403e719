using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Tests.Domain;

public sealed class GroupNameTests
{
    [Theory]
    [InlineData("Family")]
    [InlineData("  Çağla's friends 🎉  ")]
    [InlineData("x")]
    public void Ordinary_names_are_valid(string name) => Assert.True(GroupName.IsValid(name));

    [Fact]
    public void Sixty_four_characters_are_the_most() =>
        Assert.Equal((true, false), (GroupName.IsValid(new string('g', 64)), GroupName.IsValid(new string('g', 65))));

    [Fact]
    public void Spaces_around_a_name_do_not_count_towards_its_length() => Assert.True(GroupName.IsValid($"  {new string('g', 64)}  "));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bell\u0007")]
    [InlineData("two\nlines")]
    [InlineData("nul\0")]
    public void Missing_blank_or_control_characters_are_invalid(string? name) => Assert.False(GroupName.IsValid(name));

    [Fact]
    public void A_name_is_kept_without_surrounding_spaces() => Assert.Equal("Family chat", GroupName.Normalize("  Family chat \t"));
}
