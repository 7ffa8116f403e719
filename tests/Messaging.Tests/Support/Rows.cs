using System.Text.Json;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Domain;
using Dapper;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>A conversation as the database holds it.</summary>
public sealed record ConversationRow(Guid Id, string Kind, string? Name, long LastSequence, long LastVersion, DateTime LastActivityAt);

/// <summary>A membership as the database holds it.</summary>
public sealed record MemberRow(Guid UserId, string Role, DateTime JoinedAt, long JoinedSequence, long DeliveredSequence, long ReadSequence);

/// <summary>Reads the database directly: what a refused call must have left as it was.</summary>
internal static class Rows
{
    public static async Task<ConversationRow?> ConversationRowAsync(this MessagingFixture fixture, Guid conversationId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return await connection.QuerySingleOrDefaultAsync<ConversationRow>(
            "SELECT id, kind, name, last_sequence, last_version, last_activity_at FROM conversations WHERE id = @conversationId", new { conversationId });
    }

    public static async Task<IReadOnlyList<MemberRow>> MemberRowsAsync(this MessagingFixture fixture, Guid conversationId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<MemberRow>("""
            SELECT user_id, role, joined_at, joined_sequence, delivered_sequence, read_sequence
            FROM conversation_members WHERE conversation_id = @conversationId ORDER BY joined_at, user_id
            """, new { conversationId })];
    }

    public static async Task<IReadOnlyList<MessageRow>> MessageRowsAsync(this MessagingFixture fixture, Guid conversationId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<MessageRow>("""
            SELECT conversation_id, sequence, version, sender_id, client_message_id, body, reply_to_sequence, sent_at, edited_at, deleted_at
            FROM messages WHERE conversation_id = @conversationId ORDER BY sequence
            """, new { conversationId })];
    }

    /// <summary>How many conversations <paramref name="user"/> is a member of.</summary>
    public static async Task<int> MembershipCountAsync(this MessagingFixture fixture, TestUser user)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return await connection.QuerySingleAsync<int>("SELECT COUNT(*) FROM conversation_members WHERE user_id = @id", new { id = user.Id });
    }

    /// <summary>How many direct conversations exist for the pair.</summary>
    public static async Task<int> DirectConversationCountAsync(this MessagingFixture fixture, Guid one, Guid other)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return await connection.QuerySingleAsync<int>("SELECT COUNT(*) FROM conversations WHERE direct_key = @Key", new { new DirectPair(one, other).Key });
    }

    /// <summary>Everything stored about a conversation (its row, members, messages) as text, to compare before and after a refused call.</summary>
    public static async Task<string> SnapshotAsync(this MessagingFixture fixture, Guid conversationId) =>
        JsonSerializer.Serialize(new
        {
            conversation = await fixture.ConversationRowAsync(conversationId),
            members = await fixture.MemberRowsAsync(conversationId),
            messages = await fixture.MessageRowsAsync(conversationId),
        });
}
