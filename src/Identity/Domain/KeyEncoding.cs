using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace ChatApp.Identity.Domain;

/// <summary>
/// Binary values of the end-to-end encryption keys as they travel: base64url without padding
/// (RFC 4648 §5), read strictly — no padding, no whitespace, no '+' or '/', no stray bits — so
/// every value has exactly one spelling and what is stored is what the client sent.
/// </summary>
public static class KeyEncoding
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Decodes <paramref name="text"/> if it is canonical base64url of 1 to <paramref name="maxBytes"/> bytes.</summary>
    public static bool TryDecode(string? text, int maxBytes, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        // Longer text cannot be in range: refuse it before decoding anything.
        if (string.IsNullOrEmpty(text) || text.Length > (maxBytes * 4 + 2) / 3 || text.Length % 4 == 1
            || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return false;
        try
        {
            var decoded = Base64Url.DecodeFromChars(text);
            if (decoded.Length > maxBytes || Encode(decoded) != text)
                return false;
            bytes = decoded;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
