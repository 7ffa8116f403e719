using System.Security.Cryptography;
using System.Text;

namespace ChatApp.Identity.Domain;

/// <summary>
/// Ten one-time codes for when the authenticator app is lost: 10 characters each from an
/// alphabet without look-alikes (no 0/O, 1/I/L), shown once, stored only as hashes.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static IReadOnlyList<string> New() =>
        Enumerable.Range(0, Count).Select(_ =>
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 10);
            return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
        }).ToList();

    /// <summary>Hashes a code as typed: case, spaces and the dash do not matter.</summary>
    public static byte[] Hash(Guid userId, string code)
    {
        var normalized = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return SHA256.HashData(Encoding.ASCII.GetBytes($"{userId:N}:{normalized}"));
    }

    public static bool LooksLikeOne(string? code) =>
        code is not null && code.Count(char.IsAsciiLetterOrDigit) == 10 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' ');
}
