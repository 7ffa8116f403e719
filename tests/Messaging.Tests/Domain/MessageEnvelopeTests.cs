using System.Text.Json.Nodes;
using ChatApp.Messaging.Domain;
using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Domain;

/// <summary>The structure of an envelope (version 1), its sender and whom it holds keys for: <see cref="MessageEnvelope"/>.</summary>
public sealed class MessageEnvelopeTests
{
    private static readonly Guid Ann = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    private static readonly Guid Ben = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static readonly Guid Cem = Guid.Parse("0b0e5a4c-2f37-4a8e-9a52-7bd6a1a6f0d9");
    private static readonly Guid[] Members = [Ann, Ben, Cem];

    [Fact]
    public void A_well_formed_envelope_is_read_with_its_sender_and_recipients()
    {
        var parsed = MessageEnvelope.Parse(TestEnvelope.Build(Ann, Members, "hello"));

        Assert.True(parsed.IsValid, parsed.Problem);
        Assert.Equal(Ann, parsed.Envelope!.Sender);
        Assert.Equal(Members, parsed.Envelope.Recipients);
        Assert.Null(MessageEnvelope.Check(TestEnvelope.Build(Ann, Members), Ann, Members));
    }

    [Fact]
    public void Whitespace_and_the_order_of_properties_do_not_matter()
    {
        var node = Envelope();
        var reordered = new JsonObject();
        foreach (var name in node.Select(property => property.Key).Reverse().ToList())
        {
            var value = node[name]!;
            node.Remove(name);
            reordered[name] = value;
        }

        Assert.Null(Problem(reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n\t "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_body_is_no_envelope(string? body) => Assert.Equal("The message has no envelope.", MessageEnvelope.Parse(body).Problem);

    [Theory]
    [InlineData("hello")]
    [InlineData("{")]
    [InlineData("{\"v\":1,}")]
    [InlineData("{\"v\":1} trailing")]
    [InlineData("{\"v\":1 /* a comment */}")]
    [InlineData("{'v':1}")]
    public void A_body_that_is_not_JSON_is_refused(string body) =>
        Assert.Equal("The body is not JSON: the envelope must be a JSON object.", Problem(body));

    [Fact]
    public void A_body_that_is_no_valid_text_or_nested_too_deep_is_refused_without_an_exception()
    {
        var loneSurrogate = TestEnvelope.Build(Ann, Members)[..^1] + ",\"x\":\"\uD800\"}";
        var deep = new string('[', 100) + new string(']', 100);

        Assert.NotNull(Problem(loneSurrogate));
        Assert.Equal("The body is not JSON: the envelope must be a JSON object.", Problem(deep));
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("1", "a number")]
    [InlineData("null", "null")]
    [InlineData("true", "a boolean")]
    public void JSON_that_is_not_an_object_is_refused(string body, string what) =>
        Assert.Equal($"The envelope must be a JSON object, not {what}.", Problem(body));

    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("1.0")]
    [InlineData("1e0")]
    [InlineData("10000000000")]
    public void Any_version_but_1_is_refused(string version)
    {
        var node = Envelope();
        node["v"] = JsonNode.Parse(version);

        Assert.Equal($"Unsupported envelope version {version}.", Problem(node));
    }

    [Fact]
    public void An_envelope_without_a_version_is_refused()
    {
        var node = Envelope();
        node.Remove("v");

        Assert.Equal("The envelope has no version (v).", Problem(node));
    }

    [Theory]
    [InlineData("\"1\"", "a string")]
    [InlineData("null", "null")]
    [InlineData("[1]", "an array")]
    public void A_version_that_is_not_a_number_is_refused(string version, string what)
    {
        var node = Envelope();
        node["v"] = JsonNode.Parse(version);

        Assert.Equal($"The envelope's version (v) must be a number, not {what}.", Problem(node));
    }

    [Fact]
    public void The_version_is_looked_at_first_so_another_versions_shape_is_refused_for_its_version() =>
        Assert.Equal("Unsupported envelope version 2.", Problem("""{"v":2,"text":"an envelope of the future"}"""));

    [Theory]
    [InlineData("sender")]
    [InlineData("senderKey")]
    [InlineData("epk")]
    [InlineData("iv")]
    [InlineData("ct")]
    [InlineData("keys")]
    [InlineData("sig")]
    public void Each_property_must_be_there(string name)
    {
        var node = Envelope();
        node.Remove(name);

        Assert.Equal($"The envelope has no \"{name}\".", Problem(node));
    }

    [Theory]
    [InlineData("to")]
    [InlineData("key")]
    [InlineData("iv")]
    [InlineData("wk")]
    public void Each_property_of_a_key_entry_must_be_there(string name)
    {
        var node = Envelope();
        ((JsonObject)node["keys"]![1]!).Remove(name);

        Assert.Equal($"The envelope's keys[1] has no \"{name}\".", Problem(node));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("V")]
    [InlineData("alg")]
    public void An_unknown_property_is_refused(string name)
    {
        var node = Envelope();
        node[name] = "plain text the server should never see";

        Assert.Equal($"The envelope has an unknown property \"{name}\".", Problem(node));
    }

    [Fact]
    public void An_unknown_property_in_a_key_entry_is_refused()
    {
        var node = Envelope();
        node["keys"]![2]!["note"] = "x";

        Assert.Equal("The envelope's keys[2] has an unknown property \"note\".", Problem(node));
    }

    [Fact]
    public void A_property_written_twice_is_refused_as_readers_would_disagree_on_which_counts()
    {
        var body = TestEnvelope.Build(Ann, Members)[..^1] + ",\"v\":0}";

        Assert.Equal("The envelope has the property \"v\" twice.", Problem(body));
    }

    [Fact]
    public void A_long_unknown_name_is_cut_short_in_the_problem()
    {
        var node = Envelope();
        node[new string('x', 1000)] = 1;

        Assert.Equal($"The envelope has an unknown property \"{new string('x', 40)}…\".", Problem(node));
    }

    [Theory]
    [InlineData("sender", "1", "a number")]
    [InlineData("senderKey", "null", "null")]
    [InlineData("epk", "{}", "an object")]
    [InlineData("iv", "[]", "an array")]
    [InlineData("ct", "true", "a boolean")]
    [InlineData("sig", "64", "a number")]
    public void Each_property_must_be_a_string(string name, string value, string what)
    {
        var node = Envelope();
        node[name] = JsonNode.Parse(value);

        Assert.Equal($"The envelope's {name} must be a string, not {what}.", Problem(node));
    }

    [Theory]
    [InlineData("{}", "an object")]
    [InlineData("\"keys\"", "a string")]
    [InlineData("null", "null")]
    public void Keys_must_be_an_array(string value, string what)
    {
        var node = Envelope();
        node["keys"] = JsonNode.Parse(value);

        Assert.Equal($"The envelope's keys must be an array, not {what}.", Problem(node));
    }

    [Fact]
    public void Keys_may_not_be_empty()
    {
        var node = Envelope();
        node["keys"] = new JsonArray();

        Assert.Equal("The envelope's keys are empty: it needs one for each member of the conversation.", Problem(node));
    }

    [Fact]
    public void A_key_entry_must_be_an_object()
    {
        var node = Envelope();
        ((JsonArray)node["keys"]!).Add("wrapped key");

        Assert.Equal("The envelope's keys[3] must be an object, not a string.", Problem(node));
    }

    [Theory]
    [InlineData("not a user")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void The_sender_and_each_recipient_must_be_a_user_id(string id)
    {
        var sender = Envelope();
        sender["sender"] = id;
        var recipient = Envelope();
        recipient["keys"]![0]!["to"] = id;

        Assert.StartsWith("The envelope's sender must be a user id", Problem(sender), StringComparison.Ordinal);
        Assert.StartsWith("The envelope's keys[0].to must be a user id", Problem(recipient), StringComparison.Ordinal);
    }

    [Fact]
    public void User_ids_in_capitals_are_the_same_ids() =>
        Assert.Null(MessageEnvelope.Check(Capitalised(), Ann, Members));

    [Theory]
    [InlineData(21)]
    [InlineData(23)]
    [InlineData(0)]
    public void A_key_id_is_22_characters(int length)
    {
        var sender = Envelope();
        sender["senderKey"] = new string('A', length);
        var recipient = Envelope();
        recipient["keys"]![2]!["key"] = new string('A', length);

        Assert.Equal("The envelope's senderKey must be a key id: 22 base64url characters.", Problem(sender));
        Assert.Equal("The envelope's keys[2].key must be a key id: 22 base64url characters.", Problem(recipient));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA ")]
    public void A_key_id_is_in_the_base64url_alphabet(string keyId)
    {
        var node = Envelope();
        node["senderKey"] = keyId;

        Assert.Equal("The envelope's senderKey must be a key id: 22 base64url characters.", Problem(node));
    }

    [Theory]
    [InlineData("iv", 11, "The envelope's iv must be 12 bytes, not 11.")]
    [InlineData("iv", 13, "The envelope's iv must be 12 bytes, not 13.")]
    [InlineData("epk", 64, "The envelope's epk must be 65 bytes, not 64.")]
    [InlineData("epk", 66, "The envelope's epk must be 65 bytes, not 66.")]
    [InlineData("sig", 63, "The envelope's sig must be 64 bytes, not 63.")]
    [InlineData("sig", 65, "The envelope's sig must be 64 bytes, not 65.")]
    [InlineData("ct", 15, "The envelope's ct must be at least 16 bytes, not 15.")]
    [InlineData("ct", 0, "The envelope's ct must be at least 16 bytes, not 0.")]
    public void Bytes_must_have_their_length(string name, int bytes, string problem)
    {
        var node = Envelope();
        node[name] = Bytes(bytes, first: 0x04);

        Assert.Equal(problem, Problem(node));
    }

    [Theory]
    [InlineData("iv", 11, "The envelope's keys[1].iv must be 12 bytes, not 11.")]
    [InlineData("wk", 47, "The envelope's keys[1].wk must be 48 bytes, not 47.")]
    [InlineData("wk", 49, "The envelope's keys[1].wk must be 48 bytes, not 49.")]
    public void Bytes_of_a_key_entry_must_have_their_length(string name, int bytes, string problem)
    {
        var node = Envelope();
        node["keys"]![1]![name] = Bytes(bytes);

        Assert.Equal(problem, Problem(node));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(40_000)]
    public void The_ciphertext_may_be_longer_than_its_tag(int bytes)
    {
        var node = Envelope();
        node["ct"] = Bytes(bytes);

        Assert.Null(Problem(node));
    }

    [Theory]
    [InlineData(0x02)]
    [InlineData(0x03)]
    [InlineData(0x00)]
    public void The_ephemeral_key_must_be_an_uncompressed_point(byte first)
    {
        var node = Envelope();
        node["epk"] = Bytes(65, first);

        Assert.Equal($"The envelope's epk must be an uncompressed P-256 public key: its first byte 0x04, not 0x{first:x2}.", Problem(node));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAA=")]             // padding
    [InlineData("AAAAAAAAAAAAAAA+")]             // the standard alphabet
    [InlineData("AAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAA AAAAAAA")]             // whitespace
    [InlineData("AAAAAAAAAAAAAAAAA")]            // 17 characters encode no whole number of bytes
    [InlineData("AAAAAAAAAAAAAAB")]              // bits beyond the 11th byte are set: a second spelling of other bytes
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")]       // 22 characters, the last of which has bits beyond the 16th byte
    public void Bytes_must_be_canonical_base64url_without_padding(string value)
    {
        var node = Envelope();
        node["iv"] = value;

        Assert.Equal("The envelope's iv must be base64url without padding.", Problem(node));
    }

    [Fact]
    public void Base64url_with_every_character_of_its_alphabet_is_read()
    {
        var node = Envelope();
        // 64 characters, every one of the alphabet: 48 bytes.
        node["keys"]![0]!["wk"] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        Assert.Null(Problem(node));
    }

    [Fact]
    public void Two_keys_for_the_same_person_are_refused()
    {
        var node = Envelope();
        ((JsonArray)node["keys"]!).Add(node["keys"]![1]!.DeepClone());

        Assert.Equal($"The envelope has more than one key for {Ben}.", Problem(node));
    }

    [Fact]
    public void The_sender_must_be_who_sends_it()
    {
        var envelope = MessageEnvelope.Parse(TestEnvelope.Build(Ann, Members)).Envelope!;

        Assert.Null(envelope.SenderProblem(Ann));
        Assert.Equal($"The envelope names {Ann} as its sender, but {Ben} is sending it.", envelope.SenderProblem(Ben));
        Assert.Equal(envelope.SenderProblem(Ben), MessageEnvelope.Check(TestEnvelope.Build(Ann, Members), Ben, Members));
    }

    [Fact]
    public void Every_member_needs_a_key_in_any_order()
    {
        var envelope = MessageEnvelope.Parse(TestEnvelope.Build(Ann, [Cem, Ann, Ben])).Envelope!;

        Assert.Null(envelope.MembersProblem(Members));
    }

    [Fact]
    public void A_member_without_a_key_is_named()
    {
        var envelope = MessageEnvelope.Parse(TestEnvelope.Build(Ann, [Ann, Cem])).Envelope!;

        Assert.Equal($"The envelope has no key for member {Ben}.", envelope.MembersProblem(Members));
    }

    [Fact]
    public void The_sender_is_a_member_who_needs_a_key_too()
    {
        var envelope = MessageEnvelope.Parse(TestEnvelope.Build(Ann, [Ben, Cem])).Envelope!;

        Assert.Equal($"The envelope has no key for member {Ann}.", envelope.MembersProblem(Members));
    }

    [Fact]
    public void Several_members_without_a_key_are_named_up_to_five()
    {
        var others = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        var envelope = MessageEnvelope.Parse(TestEnvelope.Build(Ann, [Ann])).Envelope!;

        Assert.Equal($"The envelope has no key for members {string.Join(", ", others.Take(5))} and 2 more.", envelope.MembersProblem([Ann, .. others]));
    }

    [Fact]
    public void A_key_for_someone_who_is_not_a_member_is_refused()
    {
        var removed = Guid.NewGuid();
        var envelope = MessageEnvelope.Parse(TestEnvelope.Build(Ann, [Ann, Ben, removed, Cem])).Envelope!;

        Assert.Equal($"The envelope has a key for {removed}, who is not a member of the conversation.", envelope.MembersProblem(Members));
    }

    [Fact]
    public void A_missing_member_is_named_before_a_stranger()
    {
        var stranger = Guid.NewGuid();
        var envelope = MessageEnvelope.Parse(TestEnvelope.Build(Ann, [Ann, Ben, stranger])).Envelope!;

        Assert.Equal($"The envelope has no key for member {Cem}.", envelope.MembersProblem(Members));
    }

    [Fact]
    public void Check_reports_structure_then_sender_then_members()
    {
        Assert.Equal("Unsupported envelope version 0.", MessageEnvelope.Check("""{"v":0}""", Ben, Members));
        Assert.StartsWith("The envelope names", MessageEnvelope.Check(TestEnvelope.Build(Ann, [Ann]), Ben, Members), StringComparison.Ordinal);
        Assert.StartsWith("The envelope has no key", MessageEnvelope.Check(TestEnvelope.Build(Ann, [Ann]), Ann, Members), StringComparison.Ordinal);
    }

    private static JsonObject Envelope() => TestEnvelope.Node(Ann, Members, "hello");

    private static string? Problem(JsonObject node) => Problem(node.ToJsonString());

    private static string? Problem(string body) => MessageEnvelope.Parse(body).Problem;

    /// <summary>An envelope for the members with every user id in capitals.</summary>
    private static string Capitalised()
    {
        var node = Envelope();
        node["sender"] = Ann.ToString("D").ToUpperInvariant();
        foreach (var entry in node["keys"]!.AsArray())
            entry!["to"] = entry["to"]!.GetValue<string>().ToUpperInvariant();
        return node.ToJsonString();
    }

    private static string Bytes(int count, byte first = 0)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        if (count > 0)
            bytes[0] = first;
        return System.Buffers.Text.Base64Url.EncodeToString(bytes);
    }
}
