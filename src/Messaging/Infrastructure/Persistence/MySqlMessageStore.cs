using System.Globalization;
using System.Text;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using Dapper;
using MySqlConnector;

namespace ChatApp.Messaging.Infrastructure.Persistence;

/// <summary>Messages in the service's MySQL database.</summary>
internal sealed class MySqlMessageStore(ServiceDatabase database) : IMessageStore
{
    private const string Columns = "conversation_id, sequence, version, sender_id, client_message_id, body, reply_to_sequence, sent_at, edited_at, deleted_at";

    public Task<MessageRow?> FindAsync(IUnitOfWork unitOfWork, Guid conversationId, long sequence, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<MessageRow>(
            $"SELECT {Columns} FROM messages WHERE conversation_id = @conversationId AND sequence = @sequence",
            new { conversationId, sequence }, cancellationToken);

    public Task UpdateAsync(IUnitOfWork unitOfWork, MessageRow changed, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            UPDATE conversations SET last_version = @Version WHERE id = @ConversationId;
            UPDATE messages SET version = @Version, body = @Body, edited_at = @EditedAt, deleted_at = @DeletedAt
            WHERE conversation_id = @ConversationId AND sequence = @Sequence;
            """, changed, cancellationToken);

    public async Task<IReadOnlyList<MessageRow>> PageAsync(Guid conversationId, long after, long before, bool forwards, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<MessageRow>(new CommandDefinition($"""
            SELECT {Columns} FROM messages
            WHERE conversation_id = @conversationId AND sequence > @after AND sequence < @before
            ORDER BY sequence {(forwards ? "ASC" : "DESC")} LIMIT @take
            """, new { conversationId, after, before, take }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MessageRow>>> ChangesAsync(
        Guid userId, IReadOnlyCollection<SyncCursor> cursors, int take, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<Guid, IReadOnlyList<MessageRow>>(cursors.Count);
        if (cursors.Count == 0)
            return changes;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var cursor in cursors)
        {
            changes[cursor.ConversationId] = [.. await connection.QueryAsync<MessageRow>(new CommandDefinition($"""
                SELECT {Columns} FROM messages m
                WHERE m.conversation_id = @id AND m.version > @after
                  AND m.sequence > (SELECT joined_sequence FROM conversation_members WHERE conversation_id = @id AND user_id = @userId)
                ORDER BY m.version LIMIT @take
                """, new { id = cursor.ConversationId, after = cursor.AfterVersion, userId, take }, cancellationToken: cancellationToken))];
        }
        return changes;
    }

    public async Task<Guid?> SenderAsync(Guid conversationId, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT sender_id FROM messages WHERE conversation_id = @conversationId AND sequence = @sequence",
            new { conversationId, sequence }, cancellationToken: cancellationToken));
    }

    public async Task<ConversationsLockedForSending> LockForSendingAsync(
        IUnitOfWork unitOfWork, IReadOnlyCollection<Guid> conversationIds, IReadOnlyCollection<Guid> clientMessageIds)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        await using var reads = await transaction.Connection.QueryMultipleAsync(new CommandDefinition($"""
            SELECT id FROM conversations WHERE id IN @conversationIds ORDER BY id FOR UPDATE;
            {MySqlConversationStore.AllMembershipsSql}
            SELECT {Columns} FROM messages WHERE client_message_id IN @clientMessageIds;
            """, new { conversationIds, clientMessageIds }, transaction.Transaction));
        await reads.ReadAsync<Guid>();
        var memberships = (await reads.ReadAsync<Membership>()).ToList();
        var stored = (await reads.ReadAsync<MessageRow>()).ToList();
        return new ConversationsLockedForSending(memberships, stored);
    }

    public async Task<bool> TryAddAsync(IUnitOfWork unitOfWork, IReadOnlyList<MessageRow> rows)
    {
        try
        {
            await UnitOfWork.Of(unitOfWork).ExecuteAsync(AddSql(rows, out var parameters), parameters, CancellationToken.None);
            return true;
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return false;
        }
    }

    /// <summary>
    /// One round trip: the messages, each conversation's counters, and each sender's own pointers
    /// (they have read what they wrote).
    /// </summary>
    private static string AddSql(IReadOnlyList<MessageRow> rows, out DynamicParameters parameters)
    {
        parameters = new DynamicParameters();
        var sql = new StringBuilder(
            "INSERT INTO messages (conversation_id, sequence, version, sender_id, client_message_id, body, reply_to_sequence, sent_at) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@c{i}, @s{i}, @v{i}, @u{i}, @k{i}, @b{i}, @r{i}, @t{i})");
            parameters.Add($"c{i}", row.ConversationId);
            parameters.Add($"s{i}", row.Sequence);
            parameters.Add($"v{i}", row.Version);
            parameters.Add($"u{i}", row.SenderId);
            parameters.Add($"k{i}", row.ClientMessageId);
            parameters.Add($"b{i}", row.Body);
            parameters.Add($"r{i}", row.ReplyToSequence);
            parameters.Add($"t{i}", row.SentAt);
        }
        sql.Append(';');

        // The last row of each conversation carries its new counters, of each sender their last sequence.
        foreach (var (index, row) in rows.Select((row, index) => (index, row)).GroupBy(entry => entry.row.ConversationId).Select(group => group.Last()))
            sql.Append(CultureInfo.InvariantCulture, $"UPDATE conversations SET last_sequence = @s{index}, last_version = @v{index}, last_activity_at = @t{index} WHERE id = @c{index};");
        foreach (var (index, _) in rows.Select((row, index) => (index, row)).GroupBy(entry => (entry.row.ConversationId, entry.row.SenderId)).Select(group => group.Last()))
            sql.Append(CultureInfo.InvariantCulture, $"UPDATE conversation_members SET delivered_sequence = GREATEST(delivered_sequence, @s{index}), read_sequence = GREATEST(read_sequence, @s{index}) WHERE conversation_id = @c{index} AND user_id = @u{index};");
        return sql.ToString();
    }
}
