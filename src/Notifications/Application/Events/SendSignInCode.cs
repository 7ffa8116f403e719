using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Events;

/// <summary>
/// Mails a sign-in code. It always goes, whatever the preferences, to the address in the event,
/// in the recipient's chosen language when we know them; it is dropped if it expires unsent.
/// The code arrives sealed for this service and is opened only to write the email, which waits
/// for the mail server sealed in turn (<see cref="IOutgoingEmails"/>).
/// </summary>
public sealed class SendSignInCode(
    ISignInCodes codes, IEmailAddresses addresses, IRecipients recipients, IEmailComposer composer, IOutgoingEmails outgoing)
    : IHandles<SignInCodeRequested>
{
    public async Task HandleAsync(SignInCodeRequested message, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        EventChecks.RequireEmailAddress(addresses, message.Email, nameof(SignInCodeRequested));
        var code = codes.Open(message);
        EventChecks.Require(code is not null, nameof(SignInCodeRequested), "the code was not sealed for this service and this challenge");
        EventChecks.Require(code is { Length: 6 } && code.All(char.IsAsciiDigit), nameof(SignInCodeRequested), "the code is not six digits");
        EventChecks.Require(message.ExpiresAt > message.OccurredAt, nameof(SignInCodeRequested), "the code expires before it was requested");
        EventChecks.RequireText(message.DisplayName, "DisplayName", nameof(SignInCodeRequested));

        var known = await recipients.FindAsync(unitOfWork, message.UserId, cancellationToken);
        var to = new Addressee(message.UserId, message.Email, message.DisplayName,
            known?.Preferences.Language ?? message.Language, known?.Preferences.TimeZone ?? LocalTime.DefaultTimeZone);
        var model = new SignInCodeModel(
            code!, to.Time(message.ExpiresAt), (int)Math.Round((message.ExpiresAt - message.OccurredAt).TotalMinutes),
            message.RequestedFrom, to.Time(message.OccurredAt));
        var email = await composer.ComposeAsync(EmailKind.SignInCode, to, model, message.OccurredAt, cancellationToken, expiresAt: message.ExpiresAt);
        await outgoing.EnqueueAsync(unitOfWork, email, cancellationToken);
    }
}
