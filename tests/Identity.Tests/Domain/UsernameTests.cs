using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Tests.Domain;

public sealed class UsernameTests
{
    [Theory]
    [InlineData("ali")]
    [InlineData("Ayse.Yilmaz")]
    [InlineData("user_42")]
    [InlineData("a-b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")] // 32
    public void Accepts_3_to_32_ascii_letters_digits_dots_underscores_and_dashes(string value) =>
        Assert.True(Username.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33
    [InlineData("has space")]
    [InlineData("emoji😀x")]
    [InlineData("ayşe")]   // non-ASCII letter
    [InlineData("аdmin")]  // Cyrillic 'а' posing as 'a'
    [InlineData("at@sign")]
    public void Refuses_anything_else(string? value) =>
        Assert.False(Username.IsValid(value));

    [Fact]
    public void Two_usernames_differing_only_in_case_normalise_alike() =>
        Assert.Equal(Username.Parse("Ali.Veli").Normalized, Username.Parse("ali.VELI").Normalized);

    [Fact]
    public void Parse_refuses_an_invalid_username() =>
        Assert.Throws<ArgumentException>(() => Username.Parse("x"));
}
