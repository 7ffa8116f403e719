using System.Net;
using System.Net.Sockets;

namespace ChatApp.Identity.Application.Security;

/// <summary>
/// What a per-address limit counts by. An IPv4 address is one client; an IPv6 client is usually
/// handed a whole /64 (SLAAC, privacy addresses), so it could take a fresh address for every
/// attempt: IPv6 addresses are grouped by their /64 network.
/// </summary>
public static class AddressGroup
{
    public const int Ipv6PrefixLength = 64;

    public static string Of(string address)
    {
        if (!IPAddress.TryParse(address, out var parsed))
            return address;
        if (parsed.IsIPv4MappedToIPv6)
            return parsed.MapToIPv4().ToString();
        if (parsed.AddressFamily != AddressFamily.InterNetworkV6)
            return parsed.ToString();

        var bytes = parsed.GetAddressBytes();
        Array.Clear(bytes, Ipv6PrefixLength / 8, bytes.Length - Ipv6PrefixLength / 8);
        return $"{new IPAddress(bytes)}/{Ipv6PrefixLength}";
    }
}
