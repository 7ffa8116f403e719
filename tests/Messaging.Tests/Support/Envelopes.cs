using ChatApp.Testing;
using Dapper;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>
/// Message bodies for the tests: structurally valid envelopes (<see cref="TestEnvelope"/>) carrying
/// a marker text, addressed as a device would address them, to every member of the conversation.
/// </summary>
public static class Envelopes
{
    /// <summary>An envelope of <paramref name="text"/> from <paramref name="sender"/> with a key for each of <paramref name="members"/>.</summary>
    public static string For(Guid sender, IEnumerable<Guid> members, string text = "") => TestEnvelope.Build(sender, members, text);

    public static string For(TestUser sender, IEnumerable<TestUser> members, string text = "") =>
        TestEnvelope.Build(sender.Id, members.Select(member => member.Id), text);

    /// <summary>A message to <paramref name="recipient"/>: the two of them are the members (one, should they be the same).</summary>
    public static string Direct(Guid sender, Guid recipient, string text = "") => TestEnvelope.Build(sender, new[] { sender, recipient }.Distinct(), text);

    /// <summary>
    /// An envelope for the members <paramref name="conversationId"/> has now, as the database
    /// holds them, and the sender (who, as a device would, counts themself in even when they are not).
    /// </summary>
    public static async Task<string> ForConversationAsync(this MessagingFixture fixture, Guid sender, Guid conversationId, string text = "") =>
        TestEnvelope.Build(sender, (await fixture.MemberIdsAsync(conversationId)).Append(sender).Distinct(), text);

    public static async Task<IReadOnlyList<Guid>> MemberIdsAsync(this MessagingFixture fixture, Guid conversationId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<Guid>(
            "SELECT user_id FROM conversation_members WHERE conversation_id = @conversationId", new { conversationId })];
    }

    /// <summary>The marker text of a body made here (null for none: a deleted message).</summary>
    public static string? TextOf(string? body) => TestEnvelope.TextOf(body);

    /// <summary>
    /// A valid envelope of exactly <paramref name="bytes"/> bytes: a long ciphertext, then as many
    /// spaces (JSON whitespace) after the object as it takes.
    /// </summary>
    public static string OfSize(Guid sender, IReadOnlyCollection<Guid> members, int bytes)
    {
        var shortest = TestEnvelope.Build(sender, members).Length;
        // Base64url grows by 4 characters per 3 bytes: this ciphertext never overshoots.
        var envelope = TestEnvelope.Build(sender, members, new string('m', Math.Max(0, (bytes - shortest) * 3 / 4)));
        Assert.True(envelope.Length <= bytes, $"An envelope for {members.Count} members takes more than {bytes} bytes.");
        return envelope + new string(' ', bytes - envelope.Length);
    }
}
