using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Notifications.Domain;
using ChatApp.Notifications.Infrastructure.Smtp;
using Dapper;
using Microsoft.Extensions.Options;
using MimeKit;
using MySqlConnector;

namespace ChatApp.Notifications.Infrastructure.Delivery;

/// <summary>
/// Sends the next due email. The row stays locked (FOR UPDATE SKIP LOCKED) from the moment it is
/// picked until its outcome commits, so two replicas never send the same email, and a crash
/// before the commit leaves it pending for the next try. A send, once started, is not cancelled
/// by a stop: the host waits for it and records the outcome, so a stop loses and repeats nothing.
/// </summary>
public sealed partial class EmailDelivery(
    ServiceDatabase database,
    SmtpTransport transport,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<EmailOptions> emailOptions,
    EventSeal seal,
    TimeProvider clock,
    ILogger<EmailDelivery> logger)
{
    /// <summary>Sends one due email; false when none is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenConnectionAsync(stoppingToken);
        await using var transaction = await connection.BeginTransactionAsync(stoppingToken);
        var now = clock.GetUtcNow();
        var email = await connection.QuerySingleOrDefaultAsync<DueEmail>(new CommandDefinition("""
            SELECT id, kind, to_address, to_name, language, subject, html_body, text_body, unsubscribe_url, attempts, expires_at, event_occurred_at
            FROM outgoing_emails
            WHERE status = 'pending' AND due_at <= @now
            ORDER BY due_at LIMIT 1
            FOR UPDATE SKIP LOCKED
            """, new { now = now.UtcDateTime }, transaction, cancellationToken: stoppingToken));
        if (email is null)
            return false;

        var kind = EmailKinds.Parse(email.Kind);
        if (email.ExpiresAt is { } expiresAt && new DateTimeOffset(expiresAt, TimeSpan.Zero) <= now)
        {
            // A sign-in code nobody can use any more: sending it late would only confuse.
            await SettleAsync(transaction, email.Id, "dead", email.Attempts, "Expired before the mail server took it");
            EmailMetrics.RecordDeadLettered(kind, "expired");
            LogExpired(logger, kind, email.Id);
            return true;
        }

        if (kind.HoldsSecret())
        {
            // Opened here, in memory, for this attempt only; the row keeps its sealed words.
            if (SealedContent.Open(seal, email.Id, email.Subject, email.HtmlBody, email.TextBody) is not var (subject, html, text))
            {
                await SettleAsync(transaction, email.Id, "dead", email.Attempts, "Its sealed words do not open (EventSealing:Key changed?)");
                EmailMetrics.RecordDeadLettered(kind, "unreadable");
                LogUnreadable(logger, kind, email.Id);
                return true;
            }
            email = email with { Subject = subject, HtmlBody = html, TextBody = text };
        }

        var attempt = email.Attempts + 1;
        using var sendTimeout = new CancellationTokenSource(smtpOptions.Value.Timeout);
        try
        {
            await transport.SendAsync(ToMessage(email), sendTimeout.Token);
        }
        catch (Exception exception) when (SmtpFailures.IsSmtpFailure(exception))
        {
            await RecordFailureAsync(transaction, email, kind, attempt, exception);
            return true;
        }

        await SettleAsync(transaction, email.Id, "sent", attempt, error: null);
        EmailMetrics.RecordSent(kind, clock.GetUtcNow() - new DateTimeOffset(email.EventOccurredAt, TimeSpan.Zero));
        LogSent(logger, kind, email.Id, attempt);
        return true;
    }

    /// <summary>Closes the SMTP connection while there is nothing to send.</summary>
    public Task IdleAsync() => transport.CloseAsync();

    private async Task RecordFailureAsync(MySqlTransaction transaction, DueEmail email, EmailKind kind, int attempt, Exception exception)
    {
        var permanent = SmtpFailures.IsPermanent(exception);
        var reason = SmtpFailures.Describe(exception);
        EmailMetrics.RecordFailed(kind, permanent);
        var delay = permanent ? null : emailOptions.Value.Retries.DelayAfter(attempt);
        if (delay is { } wait)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                "UPDATE outgoing_emails SET attempts = @attempt, due_at = @dueAt, last_error = @reason WHERE id = @Id",
                new { email.Id, attempt, dueAt = (clock.GetUtcNow() + wait).UtcDateTime, reason }, transaction));
            await transaction.CommitAsync();
            EmailMetrics.RecordRetried(kind);
            LogRetrying(logger, kind, email.Id, attempt, wait, reason);
            return;
        }

        await SettleAsync(transaction, email.Id, "dead", attempt, reason);
        EmailMetrics.RecordDeadLettered(kind, permanent ? "refused" : "attempts-spent");
        LogDeadLettered(logger, kind, email.Id, email.ToAddress, attempt, reason);
    }

    /// <summary>Records the final outcome. A sign-in code's words (the code is in the subject too) leave the database with it.</summary>
    private async Task SettleAsync(MySqlTransaction transaction, Guid id, string status, int attempts, string? error)
    {
        // Not the stopping token: once the outcome is known it must be written, or the email would go twice.
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE outgoing_emails
            SET status = @status, attempts = @attempts, finished_at = @now, last_error = @error,
                subject   = IF(kind = @signInCode, '', subject),
                html_body = IF(kind = @signInCode, NULL, html_body),
                text_body = IF(kind = @signInCode, NULL, text_body)
            WHERE id = @id
            """, new { id, status, attempts, now = clock.GetUtcNow().UtcDateTime, error, signInCode = EmailKind.SignInCode.Name() }, transaction));
        await transaction.CommitAsync();
    }

    private MimeMessage ToMessage(DueEmail email)
    {
        var from = smtpOptions.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(from.FromName, from.From));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        message.Date = clock.GetUtcNow();
        // Stable across attempts: should a crash make us send twice, mail clients see one message.
        message.MessageId = $"{email.Id}@{from.From[(from.From.LastIndexOf('@') + 1)..]}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (email.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058 one-click unsubscribe: mail clients POST to the link; a GET only shows a page.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        // Content-* headers belong to the body entity in MIME, not to the message's own headers.
        message.Body.Headers.Add(HeaderId.ContentLanguage, email.Language);
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email {EmailId} (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, EmailKind kind, Guid emailId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Kind} email {EmailId} failed (attempt {Attempt}); retrying in {Delay}: {Reason}")]
    private static partial void LogRetrying(ILogger logger, EmailKind kind, Guid emailId, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on {Kind} email {EmailId} to {Recipient} after {Attempts} attempt(s): {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, EmailKind kind, Guid emailId, string recipient, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} email {EmailId} was given up: its sealed words do not open with this service's EventSealing:Key")]
    private static partial void LogUnreadable(ILogger logger, EmailKind kind, Guid emailId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} email {EmailId} expired before it could be sent")]
    private static partial void LogExpired(ILogger logger, EmailKind kind, Guid emailId);

    private sealed record DueEmail(
        Guid Id, string Kind, string ToAddress, string ToName, string Language, string Subject, string? HtmlBody, string? TextBody,
        string? UnsubscribeUrl, int Attempts, DateTime? ExpiresAt, DateTime EventOccurredAt);
}
