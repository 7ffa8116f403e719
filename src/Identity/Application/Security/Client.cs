namespace ChatApp.Identity.Application.Security;

/// <summary>Who is on the other end of a request: the address (after the gateway's X-Forwarded-For) and the browser.</summary>
public sealed record Client(string Address, string UserAgent)
{
    public const int MaxUserAgentLength = 256;

    /// <summary>The client with this address (if known) and browser, its user agent cut to <see cref="MaxUserAgentLength"/>.</summary>
    public static Client Of(string? address, string userAgent) =>
        new(address ?? "unknown", userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent);

    public override string ToString() => $"{Address} ({(UserAgent.Length == 0 ? "unknown browser" : UserAgent)})";
}
