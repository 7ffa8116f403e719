using ChatApp.Contracts;
using ChatApp.Notifications.Tests.Support;
using ChatApp.Testing;
using Dapper;
using MySqlConnector;

namespace ChatApp.Notifications.Tests.Api;

/// <summary>
/// The service stopped or killed in the middle of sending, then started again: nothing is lost.
/// It runs as a process of its own, with its own broker and database, beside the shared fixture.
/// </summary>
public sealed class ServiceStopTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Stopped_mid_send_it_finishes_that_email_and_sends_the_rest_after_a_restart()
    {
        await using var world = await World.StartAsync(fixture);
        var first = TestUsers.New("First");
        var others = new[] { TestUsers.New("Second"), TestUsers.New("Third") };
        var held = world.Smtp.Hold(first.Email);

        await using (var service = await NotificationsProcess.StartAsync(world.Settings))
        {
            await world.Events.PublishAsync(Code(first));
            await Eventually.HoldsAsync(() => world.Smtp.AttemptsFor(first.Email) == 1, TimeSpan.FromSeconds(20), () => "The first email was not being sent.");
            foreach (var user in others)
                await world.Events.PublishAsync(Code(user));
            await Eventually.HoldsAsync(async () => await world.CountAsync("SELECT COUNT(*) FROM outgoing_emails") == 3,
                TimeSpan.FromSeconds(20), () => "The other emails were not queued.");

            // SIGTERM while the server still holds its answer to the first email; the answer comes a second later.
            var stopping = service.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            held.SetResult();
            await stopping;
        }

        Assert.Single(world.Smtp.To(first.Email));
        Assert.Equal(1, await world.CountAsync("SELECT COUNT(*) FROM outgoing_emails WHERE status = 'sent'"));
        Assert.Equal(2, await world.CountAsync("SELECT COUNT(*) FROM outgoing_emails WHERE status = 'pending'"));

        await using (await NotificationsProcess.StartAsync(world.Settings))
        {
            foreach (var user in others)
                await world.Smtp.WaitForAsync(user.Email);
        }

        Assert.All([first, .. others], user => Assert.Single(world.Smtp.To(user.Email)));
    }

    [Fact]
    public async Task Killed_before_the_server_took_the_email_it_sends_it_once_after_a_restart()
    {
        await using var world = await World.StartAsync(fixture);
        var user = TestUsers.New("Crash");
        var held = world.Smtp.HoldBeforeData(user.Email);

        await using (var service = await NotificationsProcess.StartAsync(world.Settings))
        {
            await world.Events.PublishAsync(Code(user));
            await Eventually.HoldsAsync(() => world.Smtp.RecipientNamed(user.Email), TimeSpan.FromSeconds(20), () => "The email was not being sent.");
            await service.KillAsync();
        }

        held.SetResult();
        Assert.Empty(world.Smtp.To(user.Email));
        Assert.Equal(1, await world.CountAsync("SELECT COUNT(*) FROM outgoing_emails WHERE status = 'pending'"));

        await using (await NotificationsProcess.StartAsync(world.Settings))
            await world.Smtp.WaitForAsync(user.Email);

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(world.Smtp.To(user.Email));
    }

    [Fact]
    public async Task Killed_after_the_server_took_the_email_but_before_recording_it_the_copy_keeps_its_message_id()
    {
        // The one window SMTP leaves open: accepted, but the process died before it could write so down.
        // It is sent again (at least once), under the same Message-ID, which mail clients show as one message.
        await using var world = await World.StartAsync(fixture);
        var user = TestUsers.New("Window");
        var held = world.Smtp.Hold(user.Email);

        await using (var service = await NotificationsProcess.StartAsync(world.Settings))
        {
            await world.Events.PublishAsync(Code(user));
            await Eventually.HoldsAsync(() => world.Smtp.AttemptsFor(user.Email) == 1, TimeSpan.FromSeconds(20), () => "The email was not being sent.");
            await service.KillAsync();
        }

        held.SetResult();
        await world.Smtp.WaitForAsync(user.Email);
        world.Smtp.Hold(user.Email).SetResult();

        await using (await NotificationsProcess.StartAsync(world.Settings))
        {
            await Eventually.HoldsAsync(() => world.Smtp.To(user.Email).Count == 2, TimeSpan.FromSeconds(20), () => "The email was not sent again.");
        }

        var copies = world.Smtp.To(user.Email);
        Assert.Equal(copies[0].MessageId, copies[1].MessageId);
    }

    private static SignInCodeRequested Code(TestUser user)
    {
        var now = DateTimeOffset.UtcNow;
        return SignInCodes.Requested(user.Id, user.Email, user.DisplayName, "en", "654321", now.AddMinutes(10), "127.0.0.1", now);
    }

    /// <summary>A broker, a database and an SMTP server for one test's service process.</summary>
    private sealed class World : IAsyncDisposable
    {
        private RabbitMqServer _broker = null!;

        public RecordingSmtpServer Smtp { get; private set; } = null!;

        public EventPublisher Events { get; private set; } = null!;

        public Dictionary<string, string> Settings { get; private set; } = null!;

        public static async Task<World> StartAsync(NotificationsFixture fixture)
        {
            var world = new World { _broker = await RabbitMqServer.StartAsync(), Smtp = RecordingSmtpServer.Start() };
            var database = await fixture.DatabaseServer.CreateDatabaseAsync("notifications_process");
            world.Settings = NotificationsFixture.ServiceSettings(database, world._broker.ConnectionString, world.Smtp.Port);
            world.Events = await EventPublisher.ConnectAsync(world._broker.ConnectionString);
            return world;
        }

        public async Task<long> CountAsync(string sql)
        {
            await using var connection = new MySqlConnection(Settings["ConnectionStrings:notifications-db"]);
            return await connection.ExecuteScalarAsync<long>(sql);
        }

        public async ValueTask DisposeAsync()
        {
            await Events.DisposeAsync();
            await Smtp.DisposeAsync();
            await _broker.DisposeAsync();
        }
    }
}
