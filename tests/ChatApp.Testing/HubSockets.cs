using System.Net;
using System.Net.WebSockets;

namespace ChatApp.Testing;

public static class HubSockets
{
    /// <summary>A WebSocket to a hub as a browser opens it: the token in the query string, maybe an Origin; the status the server answered.</summary>
    public static async Task<(HttpStatusCode Status, ClientWebSocket? Socket)> OpenAsync(Uri hubAddress, string? token, string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
            socket.Options.SetRequestHeader("Origin", origin);
        var address = new UriBuilder(hubAddress)
        {
            Scheme = "ws",
            Query = token is null ? "" : $"access_token={Uri.EscapeDataString(token)}",
        }.Uri;
        try
        {
            await socket.ConnectAsync(address, CancellationToken.None);
            return (socket.HttpStatusCode, socket);
        }
        catch (WebSocketException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            return (status, null);
        }
    }
}
