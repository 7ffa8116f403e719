using ChatApp.Contracts;
using Dapper;

namespace ChatApp.Notifications.Tests.Support;

/// <summary>A user as the tests make them: announced by UserRegistered, known once their welcome email has arrived.</summary>
public sealed record TestUser(Guid Id, string Username, string DisplayName, string Email);

public static class TestUsers
{
    public static TestUser New(string displayName)
    {
        var id = Guid.CreateVersion7();
        var username = "u" + id.ToString("N")[^12..];
        return new TestUser(id, username, displayName, $"{username}@example.test");
    }

    public static async Task<TestUser> RegisterAsync(this NotificationsFixture fixture, string displayName, string language = "en")
    {
        var user = New(displayName);
        await fixture.Events.PublishAsync(new UserRegistered(user.Id, user.Username, user.DisplayName, user.Email, language, DateTimeOffset.UtcNow));
        await fixture.Smtp.WaitForAsync(user.Email);
        return user;
    }

    /// <summary>Waits until the service has handled the event with <paramref name="messageId"/> (its inbox has it).</summary>
    public static async Task WaitUntilHandledAsync(this NotificationsFixture fixture, Guid messageId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        await ChatApp.Testing.Eventually.HoldsAsync(
            async () => await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }) > 0,
            TimeSpan.FromSeconds(20), () => $"Event {messageId} was not handled.");
    }

    public static async Task<IReadOnlyList<EmailRow>> EmailsToAsync(this NotificationsFixture fixture, string address)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return (await connection.QueryAsync<EmailRow>(
            "SELECT kind, status, attempts, subject, html_body, text_body, due_at, finished_at, last_error FROM outgoing_emails WHERE to_address = @address ORDER BY created_at",
            new { address })).ToList();
    }
}

public sealed record EmailRow(string Kind, string Status, int Attempts, string Subject, string? HtmlBody, string? TextBody, DateTime DueAt, DateTime? FinishedAt, string? LastError);
