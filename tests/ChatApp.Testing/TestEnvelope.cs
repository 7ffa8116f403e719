using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Base64UrlEncoding = System.Buffers.Text.Base64Url;

namespace ChatApp.Testing;

/// <summary>
/// Message bodies as a sending device shapes them (envelope version 1, see README, Messaging), with
/// random bytes of the right lengths where a device puts keys, ciphertext and signature: what
/// Messaging accepts, though nobody could decrypt it. A marker text rides in the ciphertext
/// (its bytes, then a 16-byte "tag"), so tests can tell their messages apart: <see cref="TextOf"/>.
/// </summary>
public static class TestEnvelope
{
    public const int TagBytes = 16;

    /// <summary>The envelope of <paramref name="text"/> from <paramref name="sender"/>, with one key for each of <paramref name="members"/> (the sender among them).</summary>
    public static string Build(Guid sender, IEnumerable<Guid> members, string text = "") =>
        Node(sender, members, text).ToJsonString();

    /// <summary>The same as a JSON object, for a test to spoil one part of it.</summary>
    public static JsonObject Node(Guid sender, IEnumerable<Guid> members, string text = "")
    {
        var keys = new JsonArray();
        foreach (var member in members)
        {
            keys.Add(new JsonObject
            {
                ["to"] = member.ToString("D"),
                ["key"] = KeyIdOf(member),
                ["iv"] = RandomBase64Url(12),
                ["wk"] = RandomBase64Url(48),
            });
        }

        var epk = RandomNumberGenerator.GetBytes(65);
        epk[0] = 0x04;
        return new JsonObject
        {
            ["v"] = 1,
            ["sender"] = sender.ToString("D"),
            ["senderKey"] = KeyIdOf(sender),
            ["epk"] = Base64UrlEncoding.EncodeToString(epk),
            ["iv"] = RandomBase64Url(12),
            ["ct"] = Base64UrlEncoding.EncodeToString([.. Encoding.UTF8.GetBytes(text), .. RandomNumberGenerator.GetBytes(TagBytes)]),
            ["keys"] = keys,
            ["sig"] = RandomBase64Url(64),
        };
    }

    /// <summary>The marker text of an envelope <see cref="Build"/> made (null for no body: a deleted message).</summary>
    public static string? TextOf(string? body)
    {
        if (body is null)
            return null;
        using var envelope = JsonDocument.Parse(body);
        var ct = Base64UrlEncoding.DecodeFromChars(envelope.RootElement.GetProperty("ct").GetString());
        return Encoding.UTF8.GetString(ct.AsSpan(0, ct.Length - TagBytes));
    }

    /// <summary>A user's key id as these envelopes name it: 22 base64url characters (16 bytes), the same for the user every time.</summary>
    public static string KeyIdOf(Guid user) => Base64UrlEncoding.EncodeToString(SHA256.HashData(user.ToByteArray()).AsSpan(0, 16));

    public static string RandomBase64Url(int bytes) => Base64UrlEncoding.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
