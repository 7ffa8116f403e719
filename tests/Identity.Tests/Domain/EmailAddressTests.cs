using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Tests.Domain;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ali@example.com")]
    [InlineData("ayse.yilmaz+chat@mail.example.com.tr")]
    public void Accepts_plain_addresses(string value) => Assert.True(EmailAddress.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("ali@localhost")]          // no dotted domain
    [InlineData("Ali <ali@example.com>")]  // display-name form
    [InlineData(" ali@example.com")]
    [InlineData("ali@example.com.")]
    public void Refuses_anything_else(string? value) => Assert.False(EmailAddress.IsValid(value));

    [Fact]
    public void Accepts_254_characters_and_refuses_255()
    {
        Assert.True(EmailAddress.IsValid(new string('a', 64) + "@" + new string('b', 185) + ".com"));
        Assert.False(EmailAddress.IsValid(new string('a', 64) + "@" + new string('b', 186) + ".com"));
    }

    [Fact]
    public void Addresses_differing_only_in_case_normalise_alike() =>
        Assert.Equal(EmailAddress.Parse("Ali@Example.COM").Normalized, EmailAddress.Parse("ali@example.com").Normalized);
}
