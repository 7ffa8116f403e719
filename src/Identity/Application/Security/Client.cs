namespace ChatApp.Identity.Application.Security;

/// <summary>Who is on the other end of a request: the address (after the gateway's X-Forwarded-For) and the browser.</summary>
public sealed record Client(string Address, string UserAgent)
{
    public const int MaxUserAgentLength = 256;

    public static Client Of(Microsoft.AspNetCore.Http.HttpContext context)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        return new Client(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent);
    }

    public override string ToString() => $"{Address} ({(UserAgent.Length == 0 ? "unknown browser" : UserAgent)})";
}
