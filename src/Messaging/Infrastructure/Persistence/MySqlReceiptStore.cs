using System.Globalization;
using System.Text;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Messaging.Application.Receipts;
using Dapper;

namespace ChatApp.Messaging.Infrastructure.Persistence;

/// <summary>Members' receipt pointers, kept on their <c>conversation_members</c> rows.</summary>
internal sealed class MySqlReceiptStore(ServiceDatabase database) : IReceiptStore
{
    public async Task<IReadOnlyList<MemberReceipts>> OfConversationsAsync(IReadOnlyCollection<Guid> conversationIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<MemberReceipts>(new CommandDefinition("""
            SELECT conversation_id, user_id, delivered_sequence, read_sequence FROM conversation_members
            WHERE conversation_id IN @conversationIds
            """, new { conversationIds }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<MemberReceipts>> OfRecipientsAsync(Guid conversationId, Guid senderId, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<MemberReceipts>(new CommandDefinition("""
            SELECT conversation_id, user_id, delivered_sequence, read_sequence FROM conversation_members
            WHERE conversation_id = @conversationId AND user_id <> @senderId AND joined_sequence < @sequence
            ORDER BY user_id
            """, new { conversationId, senderId, sequence }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<MemberReceipts>> MoveAsync(IReadOnlyCollection<MemberReceipts> moves)
    {
        var parameters = new DynamicParameters();
        var sql = new StringBuilder();
        var index = 0;
        foreach (var move in moves)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""
                UPDATE conversation_members
                SET delivered_sequence = GREATEST(delivered_sequence, @d{index}), read_sequence = GREATEST(read_sequence, @r{index})
                WHERE conversation_id = @c{index} AND user_id = @u{index};
                """);
            parameters.Add($"c{index}", move.ConversationId);
            parameters.Add($"u{index}", move.UserId);
            parameters.Add($"d{index}", move.DeliveredSequence);
            parameters.Add($"r{index}", move.ReadSequence);
            index++;
        }

        parameters.Add("movedConversations", moves.Select(move => move.ConversationId).Distinct().ToList());
        sql.Append("""
            SELECT conversation_id, user_id, delivered_sequence, read_sequence FROM conversation_members
            WHERE conversation_id IN @movedConversations;
            """);
        var moved = moves.Select(move => (move.ConversationId, move.UserId)).ToHashSet();
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<MemberReceipts>(sql.ToString(), parameters);
        return [.. rows.Where(row => moved.Contains((row.ConversationId, row.UserId)))];
    }
}
