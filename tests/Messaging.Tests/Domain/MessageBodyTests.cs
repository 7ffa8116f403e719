using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Tests.Domain;

public sealed class MessageBodyTests
{
    [Fact]
    public void The_default_limit_is_64_KiB() => Assert.Equal(65536, MessageBody.DefaultMaxBytes);

    [Fact]
    public void A_body_of_exactly_the_limit_is_accepted_and_one_byte_more_is_not()
    {
        Assert.True(MessageBody.IsWithin(new string('a', MessageBody.DefaultMaxBytes), MessageBody.DefaultMaxBytes));
        Assert.False(MessageBody.IsWithin(new string('a', MessageBody.DefaultMaxBytes + 1), MessageBody.DefaultMaxBytes));
    }

    [Theory]
    [InlineData("çç", true)]      // 2 characters, 4 bytes
    [InlineData("ççç", false)]    // 3 characters, 6 bytes
    [InlineData("😀", true)]      // 2 UTF-16 units, 4 bytes
    [InlineData("a😀", false)]    // 5 bytes
    public void Size_is_counted_in_UTF8_bytes_not_characters(string body, bool within) =>
        Assert.Equal(within, MessageBody.IsWithin(body, 4));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_message_needs_a_body(string? body) => Assert.False(MessageBody.IsWithin(body, MessageBody.DefaultMaxBytes));
}
