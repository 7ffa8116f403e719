namespace ChatApp.Identity.Api;

public static class Clients
{
    /// <summary>The request's client: its address (after the gateway's X-Forwarded-For) and its browser.</summary>
    public static Application.Security.Client Client(this HttpContext context) =>
        Application.Security.Client.Of(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
}
