namespace ChatApp.Notifications.Application.Emails;

/// <summary>Which addresses the mail transport can send to: an event naming any other is malformed.</summary>
public interface IEmailAddresses
{
    /// <summary>Whether <paramref name="address"/> is one plain mailbox address, exactly as written.</summary>
    bool IsMailbox(string address);
}
