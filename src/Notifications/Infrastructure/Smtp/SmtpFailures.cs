using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace ChatApp.Notifications.Infrastructure.Smtp;

/// <summary>Which exceptions mean "the mail server did not take it", and whether trying again can help.</summary>
public static class SmtpFailures
{
    public static bool IsSmtpFailure(Exception exception) => exception is
        SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
        or MailKit.Security.AuthenticationException or System.Security.Authentication.AuthenticationException or SslHandshakeException or IOException or SocketException or TimeoutException
        // The send's own time limit (the worker never cancels a send for any other reason).
        or OperationCanceledException;

    /// <summary>
    /// A 5xx answer about this message (no such mailbox, message refused) will be the same next
    /// time; everything else (4xx, connection refused, timeouts, a broken TLS or login) may pass later.
    /// </summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } command
        && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;

    /// <summary>A short, single-line reason for the log and the row, without the stack.</summary>
    public static string Describe(Exception exception)
    {
        var text = exception is SmtpCommandException command
            ? $"SMTP {(int)command.StatusCode}: {command.Message}"
            : $"{exception.GetType().Name}: {exception.Message}";
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 1000 ? text : text[..1000];
    }
}
