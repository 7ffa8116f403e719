using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Tests.Domain;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("kısa ama güçlü")]
    [InlineData("alllowercaseisfine")]
    public void Accepts_long_uncommon_passwords_without_composition_rules(string password) =>
        Assert.Empty(PasswordPolicy.Problems(password, "ali", "ali@example.com"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short1")]
    public void Refuses_missing_or_short_passwords(string? password) =>
        Assert.NotEmpty(PasswordPolicy.Problems(password, "ali", "ali@example.com"));

    [Fact]
    public void Refuses_more_than_128_characters() =>
        Assert.Contains("Use at most 128 characters.", PasswordPolicy.Problems(new string('x', 129), "ali", "ali@example.com"));

    [Theory]
    [InlineData("password1")]
    [InlineData("PASSWORD1")]
    [InlineData("qwerty123")]
    [InlineData("galatasaray")]
    public void Refuses_common_passwords_in_any_case(string password) =>
        Assert.Contains("This password is among the most common ones; choose another.", PasswordPolicy.Problems(password, "ali", "ali@example.com"));

    [Theory]
    [InlineData("ali.veli.42", "Ali.Veli.42", "x@example.com")]
    [InlineData("ALI@EXAMPLE.COM", "someone", "ali@example.com")]
    public void Refuses_the_accounts_own_username_or_email(string password, string username, string email) =>
        Assert.Contains("The password may not be your username or email address.", PasswordPolicy.Problems(password, username, email));
}
