using System.Security.Cryptography;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Domain;
using ChatApp.Notifications.Infrastructure.Delivery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ChatApp.Notifications.Infrastructure.Signing;

/// <summary>
/// One-click unsubscribe links: the user and the list, signed with HMAC-SHA256 under the
/// service's own key, so a link works without signing in and cannot be made for anyone else.
/// Links do not expire: an old email's link must still work.
/// </summary>
public sealed class UnsubscribeLinks(SecretStore secrets, IOptions<EmailOptions> options) : IUnsubscribeLinks
{
    private const string KeyName = "unsubscribe-links";
    private const int PayloadLength = 17;
    private const int MacLength = 16;

    public async Task<string> CreateAsync(Guid userId, EmailList list, CancellationToken cancellationToken)
    {
        var token = new byte[PayloadLength + MacLength];
        userId.TryWriteBytes(token.AsSpan(0, 16), bigEndian: true, out _);
        token[16] = (byte)list;
        var key = await secrets.GetAsync(KeyName, cancellationToken);
        HMACSHA256.HashData(key, token.AsSpan(0, PayloadLength)).AsSpan(0, MacLength).CopyTo(token.AsSpan(PayloadLength));
        return $"{options.Value.AppUrl}/api/notifications/unsubscribe?token={WebEncoders.Base64UrlEncode(token)}";
    }

    public async Task<(Guid UserId, EmailList List)?> ReadAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 0 and < 100 })
            return null;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != PayloadLength + MacLength || !Enum.IsDefined((EmailList)bytes[16]))
            return null;
        var key = await secrets.GetAsync(KeyName, cancellationToken);
        var expected = HMACSHA256.HashData(key, bytes.AsSpan(0, PayloadLength)).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadLength)))
            return null;
        return (new Guid(bytes.AsSpan(0, 16), bigEndian: true), (EmailList)bytes[16]);
    }
}
