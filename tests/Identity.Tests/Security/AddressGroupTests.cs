using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Tests.Security;

public sealed class AddressGroupTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    [InlineData("unknown", "unknown")]
    public void IPv6_addresses_are_grouped_by_their_64_bit_network(string address, string group) =>
        Assert.Equal(group, AddressGroup.Of(address));

    [Fact]
    public void Two_addresses_of_one_IPv6_network_share_a_bucket_and_another_network_does_not()
    {
        static string Bucket(string address) => RateLimitBuckets.SignInByAddress(new Client(address, ""));

        Assert.Equal(Bucket("2001:db8:1:2::1"), Bucket("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        Assert.NotEqual(Bucket("2001:db8:1:2::1"), Bucket("2001:db8:1:3::1"));
        Assert.NotEqual(Bucket("203.0.113.9"), Bucket("203.0.113.10"));
    }
}
