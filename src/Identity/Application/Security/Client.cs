namespace ChatApp.Identity.Application.Security;

/// <summary>Who is on the other end of a request: the address (after the gateway's X-Forwarded-For) and the browser.</summary>
public sealed record Client(string Address, string UserAgent)
{
    public const int MaxUserAgentLength = 256;

    public override string ToString() => $"{Address} ({(UserAgent.Length == 0 ? "unknown browser" : UserAgent)})";
}
