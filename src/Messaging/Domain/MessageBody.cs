using System.Text;

namespace ChatApp.Messaging.Domain;

/// <summary>
/// A message body is an envelope the sender's device encrypted: the server stores and relays it
/// and never reads it. All it checks is that there is one and that it is not too large.
/// </summary>
public static class MessageBody
{
    public const int DefaultMaxBytes = 64 * 1024;

    public static bool IsWithin(string? body, int maxBytes) =>
        !string.IsNullOrEmpty(body) && Encoding.UTF8.GetByteCount(body) <= maxBytes;
}
