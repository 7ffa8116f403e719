using System.Text;

namespace ChatApp.Messaging.Domain;

/// <summary>
/// A message body is an envelope the sender's device encrypted: the server stores and relays it
/// and never reads it. Here: that there is one and that it is not too large; its structure is
/// <see cref="MessageEnvelope"/>'s.
/// </summary>
public static class MessageBody
{
    public const int DefaultMaxBytes = 64 * 1024;

    public static bool IsWithin(string? body, int maxBytes) =>
        !string.IsNullOrEmpty(body) && Encoding.UTF8.GetByteCount(body) <= maxBytes;
}
