using System.Text;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Notifications.Tests.Support;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using SmtpServer.Protocol;

namespace ChatApp.Notifications.Tests.Api;

/// <summary>Redeliveries, SMTP refusals and outages, and malformed events: every email arrives exactly once, or is dead-lettered visibly.</summary>
public sealed class DeliveryReliabilityTests(NotificationsFixture fixture)
{
    private static SignInCodeRequested CodeFor(TestUser user, string code = "123456", TimeSpan? validFor = null)
    {
        var now = DateTimeOffset.UtcNow;
        return SignInCodes.Requested(user.Id, user.Email, user.DisplayName, "en", code, now + (validFor ?? TimeSpan.FromMinutes(10)), "127.0.0.1", now);
    }

    [Fact]
    public async Task An_event_delivered_twice_sends_one_email()
    {
        var user = TestUsers.New("Twice");
        var code = CodeFor(user);
        var messageId = await fixture.Events.PublishAsync(code);
        await fixture.Smtp.WaitForAsync(user.Email);
        await fixture.Events.PublishAsync(code, messageId);

        await Testing.Eventually.HoldsAsync(() => fixture.Logs.Contains(LogLevel.Information, $"{messageId} was already handled"),
            TimeSpan.FromSeconds(20), () => "The redelivery was not seen.");
        Assert.Single(fixture.Smtp.To(user.Email));
        Assert.Single(await fixture.EmailsToAsync(user.Email));
    }

    [Fact]
    public async Task Smtp_refusing_for_a_while_then_recovering_delivers_once()
    {
        var user = TestUsers.New("Patient");
        // 421 "service not available" for the first three attempts, then accepted.
        fixture.Smtp.Refuse(user.Email, attempt => attempt <= 3 ? (SmtpReplyCode)421 : null);
        var retriedBefore = fixture.Metrics.Sum("chatapp.notifications.emails.retried", ("kind", "sign-in-code"));

        await fixture.Events.PublishAsync(CodeFor(user));

        await fixture.Smtp.WaitForAsync(user.Email);
        Assert.Equal(4, fixture.Smtp.AttemptsFor(user.Email));
        Assert.Single(fixture.Smtp.To(user.Email));
        var row = Assert.Single(await fixture.EmailsToAsync(user.Email));
        Assert.Equal(("sent", 4), (row.Status, row.Attempts));
        Assert.True(fixture.Metrics.Sum("chatapp.notifications.emails.retried", ("kind", "sign-in-code")) - retriedBefore >= 3);
        Assert.True(fixture.Logs.Contains(LogLevel.Warning, "SMTP 421"));
    }

    [Fact]
    public async Task A_code_email_waiting_for_a_retry_keeps_its_words_sealed_and_goes_out_in_clear()
    {
        var user = TestUsers.New("Sealed");
        fixture.Smtp.Refuse(user.Email, _ => (SmtpReplyCode)421);
        await fixture.Events.PublishAsync(CodeFor(user, code: "731905"));
        await Testing.Eventually.HoldsAsync(async () => (await fixture.EmailsToAsync(user.Email)) is [{ Status: "pending", Attempts: >= 1 }],
            TimeSpan.FromSeconds(20), () => "The email was not tried.");

        var waiting = Assert.Single(await fixture.EmailsToAsync(user.Email));
        fixture.Smtp.Refuse(user.Email, _ => null);

        Assert.NotEmpty(waiting.Subject);
        Assert.DoesNotContain("731905", $"{waiting.Subject} {waiting.HtmlBody} {waiting.TextBody}", StringComparison.Ordinal);
        var email = await fixture.Smtp.WaitForAsync(user.Email);
        Assert.Equal("731905 is your ChatApp sign-in code", email.Subject);
        Assert.Contains("731905", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_down_while_emails_come_in_delivers_each_once_after_it_returns()
    {
        var users = Enumerable.Range(0, 5).Select(i => TestUsers.New($"Outage {i}")).ToList();
        await fixture.Smtp.StopAsync();
        try
        {
            foreach (var user in users)
                await fixture.Events.PublishAsync(CodeFor(user));
            await Testing.Eventually.HoldsAsync(
                async () => (await Task.WhenAll(users.Select(user => fixture.EmailsToAsync(user.Email)))).All(rows => rows.Count == 1 && rows[0].Attempts >= 1),
                TimeSpan.FromSeconds(20), () => "The emails were not tried while the server was down.");
        }
        finally
        {
            fixture.Smtp.StartAgain();
        }

        foreach (var user in users)
            await fixture.Smtp.WaitForAsync(user.Email);
        Assert.All(users, user => Assert.Single(fixture.Smtp.To(user.Email)));
    }

    [Fact]
    public async Task An_email_refused_every_time_is_dead_lettered_after_the_last_attempt_with_a_metric_and_an_error()
    {
        var user = TestUsers.New("Never");
        fixture.Smtp.Refuse(user.Email, _ => (SmtpReplyCode)451);
        var deadBefore = fixture.Metrics.Sum("chatapp.notifications.emails.dead_lettered", ("kind", "sign-in-code"), ("reason", "attempts-spent"));

        await fixture.Events.PublishAsync(CodeFor(user));

        await Testing.Eventually.HoldsAsync(async () => (await fixture.EmailsToAsync(user.Email)) is [{ Status: "dead" }],
            TimeSpan.FromSeconds(20), () => "The email was not dead-lettered.");
        var row = Assert.Single(await fixture.EmailsToAsync(user.Email));
        Assert.Equal(NotificationsFixture.MaxAttempts, row.Attempts);
        Assert.StartsWith("SMTP 451", row.LastError);
        Assert.Null(row.TextBody);
        Assert.Equal(NotificationsFixture.MaxAttempts, fixture.Smtp.AttemptsFor(user.Email));
        Assert.Empty(fixture.Smtp.To(user.Email));
        // The metric and the log follow the commit that the test saw.
        await Testing.Eventually.HoldsAsync(
            () => fixture.Metrics.Sum("chatapp.notifications.emails.dead_lettered", ("kind", "sign-in-code"), ("reason", "attempts-spent")) - deadBefore == 1
                  && fixture.Logs.Contains(LogLevel.Error, $"to {user.Email} after {NotificationsFixture.MaxAttempts} attempt(s)"),
            TimeSpan.FromSeconds(5), () => "The dead letter was not counted and logged.");
    }

    [Fact]
    public async Task A_mailbox_refused_for_good_is_dead_lettered_at_once()
    {
        var user = TestUsers.New("Gone");
        fixture.Smtp.Refuse(user.Email, _ => SmtpReplyCode.MailboxUnavailable);

        await fixture.Events.PublishAsync(CodeFor(user));

        await Testing.Eventually.HoldsAsync(async () => (await fixture.EmailsToAsync(user.Email)) is [{ Status: "dead" }],
            TimeSpan.FromSeconds(20), () => "The email was not dead-lettered.");
        Assert.Equal(1, (await fixture.EmailsToAsync(user.Email))[0].Attempts);
        Assert.Equal(1, fixture.Smtp.AttemptsFor(user.Email));
    }

    [Fact]
    public async Task A_code_that_expires_before_the_server_takes_it_is_not_sent_late()
    {
        var user = TestUsers.New("Late");
        fixture.Smtp.Refuse(user.Email, _ => (SmtpReplyCode)421);

        await fixture.Events.PublishAsync(CodeFor(user, validFor: TimeSpan.FromMilliseconds(1500)));

        await Testing.Eventually.HoldsAsync(async () => (await fixture.EmailsToAsync(user.Email)) is [{ Status: "dead" }],
            TimeSpan.FromSeconds(20), () => "The expired code was not given up.");
        Assert.Equal("Expired before the mail server took it", (await fixture.EmailsToAsync(user.Email))[0].LastError);
        Assert.Empty(fixture.Smtp.To(user.Email));
    }

    [Fact]
    public async Task Malformed_events_go_to_the_error_queue_and_the_rest_carry_on()
    {
        var queue = NotificationsFixture.ConsumerQueues.Single(name => name.EndsWith("send-sign-in-code", StringComparison.Ordinal));
        var notJson = await fixture.Events.PublishRawAsync(nameof(SignInCodeRequested), "this is { not json");
        var badAddress = await fixture.Events.PublishAsync(CodeFor(TestUsers.New("Bad") with { Email = "not-an-address" }));
        var shortCode = await fixture.Events.PublishAsync(CodeFor(TestUsers.New("Short"), code: "12"));
        // A code in clear, and a sealed code moved into another challenge's event, do not open.
        var inClear = await fixture.Events.PublishAsync(CodeFor(TestUsers.New("Clear")) with { SealedCode = "123456" });
        var moved = await fixture.Events.PublishAsync(CodeFor(TestUsers.New("Moved")) with { ChallengeId = Guid.NewGuid() });
        var good = TestUsers.New("Good");
        await fixture.Events.PublishAsync(CodeFor(good));

        await fixture.Smtp.WaitForAsync(good.Email);
        var faulted = await DrainErrorQueueAsync($"{queue}_error", 5);
        Assert.Contains(notJson, faulted.Keys);
        Assert.Contains("MalformedEventException", faulted[badAddress]);
        Assert.Contains("MalformedEventException", faulted[shortCode]);
        Assert.Contains("MalformedEventException", faulted[inClear]);
        Assert.Contains("MalformedEventException", faulted[moved]);
    }

    /// <summary>Takes messages off an error queue until <paramref name="count"/> are seen: message id → the exception type MassTransit recorded.</summary>
    private async Task<Dictionary<Guid, string>> DrainErrorQueueAsync(string queue, int count)
    {
        var seen = new Dictionary<Guid, string>();
        await Testing.Eventually.HoldsAsync(async () =>
        {
            // MassTransit creates the error queue with the first fault: until then the broker answers 404 and closes the channel.
            await using var channel = await fixture.Events.OpenChannelAsync();
            try
            {
                await channel.QueueDeclarePassiveAsync(queue);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return false;
            }

            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                var exceptionType = message.BasicProperties.Headers?.TryGetValue("MT-Fault-ExceptionType", out var type) == true && type is byte[] bytes
                    ? Encoding.UTF8.GetString(bytes)
                    : "";
                seen[Guid.Parse(message.BasicProperties.MessageId!)] = exceptionType;
            }

            return seen.Count >= count;
        }, TimeSpan.FromSeconds(20), () => $"{queue} holds {seen.Count} of {count} messages.");
        return seen;
    }
}
