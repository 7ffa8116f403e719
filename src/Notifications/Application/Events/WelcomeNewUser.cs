using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Events;

/// <summary>Remembers a new user as a recipient, with default preferences, and sends the welcome email.</summary>
public sealed class WelcomeNewUser(IEmailAddresses addresses, IRecipients recipients, IEmailComposer composer, IOutgoingEmails outgoing)
    : IHandles<UserRegistered>
{
    public async Task HandleAsync(UserRegistered message, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        EventChecks.RequireEmailAddress(addresses, message.Email, nameof(UserRegistered));
        EventChecks.RequireText(message.Username, "Username", nameof(UserRegistered));
        EventChecks.RequireText(message.DisplayName, "DisplayName", nameof(UserRegistered));

        var recipient = new Recipient(message.UserId, message.Username, message.DisplayName, message.Email, NotificationPreferences.Defaults(message.Language));
        if (!await recipients.AddAsync(unitOfWork, recipient, message.OccurredAt, cancellationToken))
            return;

        var to = Addressee.Of(recipient);
        var email = await composer.ComposeAsync(EmailKind.Welcome, to, new WelcomeModel(recipient.Username), message.OccurredAt, cancellationToken);
        await outgoing.EnqueueAsync(unitOfWork, email, cancellationToken);
    }
}
