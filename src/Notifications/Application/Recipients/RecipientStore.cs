using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Recipients;

/// <summary>The recipients table: the projection of Identity's users plus their preferences.</summary>
public static class RecipientStore
{
    public static async Task<Recipient?> FindAsync(UnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken, bool forUpdate = false)
    {
        var row = await unitOfWork.QuerySingleOrDefaultAsync<Row>($"""
            SELECT user_id, username, display_name, email, language, time_zone, missed_call_emails, unread_digest_emails
            FROM recipients WHERE user_id = @userId {(forUpdate ? "FOR UPDATE" : "")}
            """, new { userId }, cancellationToken);
        return row?.ToRecipient();
    }

    public static async Task<Recipient> GetAsync(UnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken, bool forUpdate = false) =>
        await FindAsync(unitOfWork, userId, cancellationToken, forUpdate) ?? throw new RecipientNotKnownYetException(userId);

    public static async Task<IReadOnlyDictionary<Guid, UserNames>> FindNamesAsync(UnitOfWork unitOfWork, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
            return new Dictionary<Guid, UserNames>();
        var rows = await unitOfWork.QueryAsync<(Guid UserId, string Username, string DisplayName)>(
            "SELECT user_id, username, display_name FROM recipients WHERE user_id IN @userIds", new { userIds }, cancellationToken);
        return rows.ToDictionary(row => row.UserId, row => new UserNames(row.Username, row.DisplayName));
    }

    /// <summary>Adds a new user; false when they were already known.</summary>
    public static async Task<bool> AddAsync(UnitOfWork unitOfWork, Recipient recipient, DateTimeOffset registeredAt, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync("""
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

    public static Task SavePreferencesAsync(UnitOfWork unitOfWork, Guid userId, NotificationPreferences preferences, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync("""
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
