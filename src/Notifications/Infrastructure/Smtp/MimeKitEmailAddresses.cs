using ChatApp.Notifications.Application.Emails;
using MimeKit;

namespace ChatApp.Notifications.Infrastructure.Smtp;

/// <summary>Addresses as MimeKit, which writes the messages, reads them: one mailbox, nothing around it.</summary>
public sealed class MimeKitEmailAddresses : IEmailAddresses
{
    public bool IsMailbox(string address) => MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address == address;
}
