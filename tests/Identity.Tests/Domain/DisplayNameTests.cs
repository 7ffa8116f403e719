using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Tests.Domain;

public sealed class DisplayNameTests
{
    [Theory]
    [InlineData("Ayşe Yılmaz")]
    [InlineData("李小龍")]
    [InlineData("😀")]
    public void Accepts_any_script(string value) => Assert.True(DisplayName.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bell\u0007")]
    [InlineData("line\nbreak")]
    public void Refuses_empty_names_and_control_characters(string? value) => Assert.False(DisplayName.IsValid(value));

    [Fact]
    public void Counts_characters_not_utf16_units()
    {
        Assert.True(DisplayName.IsValid(string.Concat(Enumerable.Repeat("😀", 64))));
        Assert.False(DisplayName.IsValid(string.Concat(Enumerable.Repeat("😀", 65))));
    }

    [Fact]
    public void Keeps_the_name_trimmed() => Assert.Equal("Ali", DisplayName.Parse("  Ali ").Value);
}
