using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ChatApp.Messaging.Domain;

/// <summary>
/// The structure of an end-to-end encrypted message body (envelope version 1), as far as the
/// server can see it without reading it. The body is a JSON object with exactly these properties:
/// <code>
/// { "v": 1, "sender": user id, "senderKey": key id, "epk": 65 bytes (0x04…, an ephemeral P-256 key),
///   "iv": 12 bytes, "ct": at least 16 bytes, "sig": 64 bytes,
///   "keys": [ { "to": user id, "key": key id, "iv": 12 bytes, "wk": 48 bytes }, … ] }
/// </code>
/// Bytes are base64url without padding (canonical: unused trailing bits zero), key ids 22
/// base64url characters, user ids GUIDs. <see cref="Parse"/> checks the structure; who may send it
/// and to whom (<see cref="SenderProblem"/>, <see cref="MembersProblem"/>) is checked by the use
/// cases, which know the sender and the conversation's members.
/// </summary>
public sealed class MessageEnvelope
{
    public const int SupportedVersion = 1;
    public const int KeyIdLength = 22;
    public const int PublicKeyBytes = 65;
    public const byte UncompressedPointPrefix = 0x04;
    public const int IvBytes = 12;
    public const int MinCiphertextBytes = 16;
    public const int WrappedKeyBytes = 48;
    public const int SignatureBytes = 64;

    // How much of a value the sender wrote we echo in a problem.
    private const int EchoLength = 40;
    private const int MembersNamed = 5;

    private static readonly string[] TopLevel = ["v", "sender", "senderKey", "epk", "iv", "ct", "keys", "sig"];
    private static readonly string[] KeyEntry = ["to", "key", "iv", "wk"];

    private MessageEnvelope(Guid sender, IReadOnlyList<Guid> recipients)
    {
        Sender = sender;
        Recipients = recipients;
    }

    /// <summary>The user the envelope says sent it.</summary>
    public Guid Sender { get; }

    /// <summary>Whom the envelope holds a key for, in its order, each once.</summary>
    public IReadOnlyList<Guid> Recipients { get; }

    /// <summary>The envelope, or what is wrong with its structure.</summary>
    public static EnvelopeParseResult Parse(string? body)
    {
        if (string.IsNullOrEmpty(body))
            return Problem("The message has no envelope.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        // ArgumentException: a string with a lone surrogate cannot be read as JSON text at all.
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return Problem("The body is not JSON: the envelope must be a JSON object.");
        }

        using (document)
            return Read(document.RootElement);
    }

    /// <summary>Structure, sender and keys at once: the problem, or null when <paramref name="body"/> may be sent by <paramref name="sendingUser"/> to <paramref name="members"/>.</summary>
    public static string? Check(string? body, Guid sendingUser, IReadOnlyCollection<Guid> members)
    {
        var parsed = Parse(body);
        return parsed.Problem ?? parsed.Envelope!.SenderProblem(sendingUser) ?? parsed.Envelope.MembersProblem(members);
    }

    /// <summary>Null when <paramref name="sendingUser"/> is the sender the envelope names.</summary>
    public string? SenderProblem(Guid sendingUser) =>
        Sender == sendingUser ? null : $"The envelope names {Sender} as its sender, but {sendingUser} is sending it.";

    /// <summary>
    /// Null when the envelope holds exactly one key for each of <paramref name="members"/> (the
    /// conversation's members now, sender included) and none for anybody else.
    /// </summary>
    public string? MembersProblem(IReadOnlyCollection<Guid> members)
    {
        var holders = Recipients.ToHashSet();
        var missing = members.Distinct().Where(member => !holders.Contains(member)).ToList();
        if (missing.Count > 0)
            return $"The envelope has no key for {(missing.Count == 1 ? "member" : "members")} {Names(missing)}.";

        var memberSet = members.ToHashSet();
        var strangers = Recipients.Where(recipient => !memberSet.Contains(recipient)).ToList();
        return strangers.Count > 0
            ? $"The envelope has a key for {Names(strangers)}, who {(strangers.Count == 1 ? "is" : "are")} not a member of the conversation."
            : null;
    }

    private static EnvelopeParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Problem($"The envelope must be a JSON object, not {Describe(root.ValueKind)}.");
        if (Properties(root, "The envelope", out var properties) is { } duplicate)
            return Problem(duplicate);

        // The version first: an envelope of another version may have another shape altogether.
        if (!properties.TryGetValue("v", out var version))
            return Problem("The envelope has no version (v).");
        if (version.ValueKind != JsonValueKind.Number)
            return Problem($"The envelope's version (v) must be a number, not {Describe(version.ValueKind)}.");
        if (!version.TryGetInt32(out var number) || number != SupportedVersion)
            return Problem($"Unsupported envelope version {Echo(version.GetRawText())}.");

        if (ShapeProblem(properties, TopLevel, "The envelope") is { } shape)
            return Problem(shape);

        if (UserId(properties["sender"], "sender", out var sender) is { } senderProblem)
            return Problem(senderProblem);
        var problem = KeyId(properties["senderKey"], "senderKey")
            ?? PublicKey(properties["epk"], "epk")
            ?? Bytes(properties["iv"], "iv", IvBytes, exact: true)
            ?? Bytes(properties["ct"], "ct", MinCiphertextBytes, exact: false)
            ?? Bytes(properties["sig"], "sig", SignatureBytes, exact: true);
        if (problem is not null)
            return Problem(problem);

        var keys = properties["keys"];
        if (keys.ValueKind != JsonValueKind.Array)
            return Problem($"The envelope's keys must be an array, not {Describe(keys.ValueKind)}.");
        if (keys.GetArrayLength() == 0)
            return Problem("The envelope's keys are empty: it needs one for each member of the conversation.");

        var recipients = new List<Guid>(keys.GetArrayLength());
        var seen = new HashSet<Guid>();
        var index = 0;
        foreach (var entry in keys.EnumerateArray())
        {
            var path = $"keys[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (KeyEntryProblem(entry, path, out var to) is { } entryProblem)
                return Problem(entryProblem);
            if (!seen.Add(to))
                return Problem($"The envelope has more than one key for {to}.");
            recipients.Add(to);
            index++;
        }

        return new EnvelopeParseResult(new MessageEnvelope(sender, recipients), null);
    }

    private static string? KeyEntryProblem(JsonElement entry, string path, out Guid to)
    {
        to = Guid.Empty;
        if (entry.ValueKind != JsonValueKind.Object)
            return $"The envelope's {path} must be an object, not {Describe(entry.ValueKind)}.";
        var what = $"The envelope's {path}";
        return Properties(entry, what, out var properties)
            ?? ShapeProblem(properties, KeyEntry, what)
            ?? UserId(properties["to"], $"{path}.to", out to)
            ?? KeyId(properties["key"], $"{path}.key")
            ?? Bytes(properties["iv"], $"{path}.iv", IvBytes, exact: true)
            ?? Bytes(properties["wk"], $"{path}.wk", WrappedKeyBytes, exact: true);
    }

    /// <summary>The object's properties by name; a problem when one appears twice (readers would disagree on which counts).</summary>
    private static string? Properties(JsonElement element, string what, out Dictionary<string, JsonElement> properties)
    {
        properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name, property.Value))
                return $"{what} has the property \"{Echo(property.Name)}\" twice.";
        }

        return null;
    }

    /// <summary>No property beyond <paramref name="expected"/>, and none of them missing.</summary>
    private static string? ShapeProblem(Dictionary<string, JsonElement> properties, string[] expected, string what)
    {
        var unknown = properties.Keys.FirstOrDefault(name => !expected.Contains(name, StringComparer.Ordinal));
        if (unknown is not null)
            return $"{what} has an unknown property \"{Echo(unknown)}\".";
        var missing = expected.FirstOrDefault(name => !properties.ContainsKey(name));
        return missing is null ? null : $"{what} has no \"{missing}\".";
    }

    private static string? UserId(JsonElement value, string path, out Guid id)
    {
        id = Guid.Empty;
        if (value.ValueKind != JsonValueKind.String)
            return $"The envelope's {path} must be a string, not {Describe(value.ValueKind)}.";
        return Guid.TryParseExact(value.GetString(), "D", out id) && id != Guid.Empty
            ? null
            : $"The envelope's {path} must be a user id (a GUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301).";
    }

    private static string? KeyId(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
            return $"The envelope's {path} must be a string, not {Describe(value.ValueKind)}.";
        var text = value.GetString()!;
        return text.Length == KeyIdLength && Base64Url.IsAlphabet(text)
            ? null
            : $"The envelope's {path} must be a key id: {KeyIdLength} base64url characters.";
    }

    /// <summary>A base64url value of <paramref name="length"/> bytes (at least that many unless <paramref name="exact"/>).</summary>
    private static string? Bytes(JsonElement value, string path, int length, bool exact)
    {
        if (value.ValueKind != JsonValueKind.String)
            return $"The envelope's {path} must be a string, not {Describe(value.ValueKind)}.";
        var decoded = Base64Url.DecodedLength(value.GetString()!);
        if (decoded is null)
            return $"The envelope's {path} must be base64url without padding.";
        return (exact ? decoded == length : decoded >= length)
            ? null
            : $"The envelope's {path} must be {(exact ? "" : "at least ")}{length} bytes, not {decoded}.";
    }

    /// <summary>An uncompressed P-256 point: 65 bytes, the first 0x04.</summary>
    private static string? PublicKey(JsonElement value, string path)
    {
        if (Bytes(value, path, PublicKeyBytes, exact: true) is { } problem)
            return problem;
        var first = Base64Url.FirstByte(value.GetString()!);
        return first == UncompressedPointPrefix
            ? null
            : $"The envelope's {path} must be an uncompressed P-256 public key: its first byte 0x04, not 0x{first:x2}.";
    }

    private static string Names(List<Guid> ids) =>
        string.Join(", ", ids.Take(MembersNamed)) + (ids.Count > MembersNamed ? $" and {ids.Count - MembersNamed} more" : "");

    private static string Echo(string text) => text.Length <= EchoLength ? text : text[..EchoLength] + "…";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static EnvelopeParseResult Problem(string problem) => new(null, problem);

    /// <summary>Strict base64url: the URL-safe alphabet, no padding, no whitespace, unused trailing bits zero (one encoding per value).</summary>
    private static class Base64Url
    {
        // Searched vectorised: a ciphertext is about a kilobyte, checked for every message sent.
        private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

        public static bool IsAlphabet(string text) => !text.AsSpan().ContainsAnyExcept(Alphabet);

        public static int Value(char c) => c switch
        {
            >= 'A' and <= 'Z' => c - 'A',
            >= 'a' and <= 'z' => c - 'a' + 26,
            >= '0' and <= '9' => c - '0' + 52,
            '-' => 62,
            '_' => 63,
            _ => -1,
        };

        /// <summary>How many bytes <paramref name="text"/> encodes, or null when it is not canonical base64url without padding.</summary>
        public static int? DecodedLength(string text)
        {
            var remainder = text.Length % 4;
            if (remainder == 1 || !IsAlphabet(text))
                return null;
            // The last character of a partial group carries bits beyond the data: they must be zero.
            if (remainder != 0 && (Value(text[^1]) & (remainder == 2 ? 0x0F : 0x03)) != 0)
                return null;
            return (text.Length / 4 * 3) + (remainder == 0 ? 0 : remainder - 1);
        }

        /// <summary>The first byte of valid base64url of at least one byte: six bits of the first character, two of the second.</summary>
        public static int FirstByte(string text) => (Value(text[0]) << 2) | (Value(text[1]) >> 4);
    }
}

/// <summary>What <see cref="MessageEnvelope.Parse"/> found: the envelope, or the problem with it.</summary>
public sealed record EnvelopeParseResult(MessageEnvelope? Envelope, string? Problem)
{
    public bool IsValid => Problem is null;
}
