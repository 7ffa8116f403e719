using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ChatApp.BuildingBlocks.UseCases;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Conversations;

/// <summary>My conversation list, most recently active first, with unread counts; paged by an opaque cursor.</summary>
public sealed class ListConversations(IConversationStore conversations, IOptions<MessagingOptions> options)
{
    public async Task<Result<ConversationPage>> ExecuteAsync(Guid userId, string? cursor, int limit, CancellationToken cancellationToken)
    {
        (DateTime, Guid)? after = null;
        if (cursor is not null)
        {
            if (Decode(cursor) is not { } position)
                return Failure.Field(FailureKind.Invalid, "Bad cursor", "cursor", "Use the 'next' value of the previous page.");
            after = position;
        }

        if (limit < 1 || limit > options.Value.MaxPageSize)
            return MessagingFailures.PageSizeOutOfRange(options.Value.MaxPageSize);
        var lines = await conversations.ListAsync(userId, limit + 1, after, cancellationToken);
        var page = lines.Take(limit).ToList();
        var next = lines.Count > limit ? Encode(page[^1]) : null;
        return new ConversationPage(page, next);
    }

    private static string Encode(ConversationSummary last) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{last.LastActivityAt.UtcTicks}:{last.Id:N}")));

    private static (DateTime, Guid)? Decode(string cursor)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                   && ticks is > 0 and < 3155378975999999999
                   && Guid.TryParseExact(parts[1], "N", out var id)
                ? (new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
