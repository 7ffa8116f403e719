using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Api;

public static class Clients
{
    /// <summary>The request's <see cref="Client"/>: its address (after the gateway's X-Forwarded-For) and its browser, cut to <see cref="Client.MaxUserAgentLength"/>.</summary>
    public static Client Client(this HttpContext context)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        return new Client(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            userAgent.Length > Application.Security.Client.MaxUserAgentLength ? userAgent[..Application.Security.Client.MaxUserAgentLength] : userAgent);
    }
}
