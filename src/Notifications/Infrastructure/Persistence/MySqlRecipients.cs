using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Infrastructure.Persistence;

/// <summary>The recipients table: the projection of Identity's users plus their preferences.</summary>
public sealed class MySqlRecipients : IRecipients
{
    public async Task<Recipient?> FindAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken, bool forUpdate = false)
    {
        var row = await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<Row>($"""
            SELECT user_id, username, display_name, email, language, time_zone, missed_call_emails, unread_digest_emails
            FROM recipients WHERE user_id = @userId {(forUpdate ? "FOR UPDATE" : "")}
            """, new { userId }, cancellationToken);
        return row?.ToRecipient();
    }

    public async Task<IReadOnlyDictionary<Guid, UserNames>> FindNamesAsync(IUnitOfWork unitOfWork, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
            return new Dictionary<Guid, UserNames>();
        var rows = await UnitOfWork.Of(unitOfWork).QueryAsync<(Guid UserId, string Username, string DisplayName)>(
            "SELECT user_id, username, display_name FROM recipients WHERE user_id IN @userIds", new { userIds }, cancellationToken);
        return rows.ToDictionary(row => row.UserId, row => new UserNames(row.Username, row.DisplayName));
    }

    public async Task<bool> AddAsync(IUnitOfWork unitOfWork, Recipient recipient, DateTimeOffset registeredAt, CancellationToken cancellationToken) =>
        await UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            INSERT IGNORE INTO recipients (user_id, username, display_name, email, language, time_zone, missed_call_emails, unread_digest_emails, profile_changed_at)
            VALUES (@UserId, @Username, @DisplayName, @Email, @language, @timeZone, @missedCalls, @digests, @registeredAt)
            """,
            new
            {
                recipient.UserId, recipient.Username, recipient.DisplayName, recipient.Email,
                language = recipient.Preferences.Language, timeZone = recipient.Preferences.TimeZone,
                missedCalls = recipient.Preferences.MissedCallEmails, digests = recipient.Preferences.UnreadDigestEmails,
                registeredAt = registeredAt.UtcDateTime,
            },
            cancellationToken) == 1;

    public Task UpdateNamesAsync(IUnitOfWork unitOfWork, Guid userId, UserNames names, DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            UPDATE recipients SET username = @Username, display_name = @DisplayName, profile_changed_at = @at
            WHERE user_id = @userId AND profile_changed_at <= @at
            """, new { userId, names.Username, names.DisplayName, at = changedAt.UtcDateTime }, cancellationToken);

    public Task SavePreferencesAsync(IUnitOfWork unitOfWork, Guid userId, NotificationPreferences preferences, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            UPDATE recipients SET language = @Language, time_zone = @TimeZone,
                                  missed_call_emails = @MissedCallEmails, unread_digest_emails = @UnreadDigestEmails
            WHERE user_id = @userId
            """, new { userId, preferences.Language, preferences.TimeZone, preferences.MissedCallEmails, preferences.UnreadDigestEmails }, cancellationToken);

    private sealed record Row(Guid UserId, string Username, string DisplayName, string Email, string Language, string TimeZone, bool MissedCallEmails, bool UnreadDigestEmails)
    {
        public Recipient ToRecipient() =>
            new(UserId, Username, DisplayName, Email, new NotificationPreferences(MissedCallEmails, UnreadDigestEmails, Language, TimeZone));
    }
}
