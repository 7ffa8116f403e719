using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatApp.Notifications.Infrastructure.Smtp;

/// <summary>
/// One SMTP connection, opened on the first send and kept while emails keep coming, closed
/// when the queue runs dry (servers drop idle connections anyway). Used by one worker at a time.
/// </summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var client = await ConnectedClientAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            // Whatever went wrong, the connection's state is unknown: the next send starts afresh.
            await CloseAsync();
            throw;
        }
    }

    /// <summary>Ends the connection politely, if there is one.</summary>
    public async Task CloseAsync()
    {
        if (_client is not { } client)
            return;
        _client = null;
        if (client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception exception) when (SmtpFailures.IsSmtpFailure(exception))
            {
                // The server went away first; there is nothing left to close politely.
            }
        }

        client.Dispose();
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
            return connected;
        await CloseAsync();

        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        _client = client;
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => throw new InvalidOperationException($"Smtp:Security '{settings.Security}' is not one of None, StartTls, Tls."),
        }, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        return client;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
