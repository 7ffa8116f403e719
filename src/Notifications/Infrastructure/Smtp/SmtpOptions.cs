using System.Text.Json.Serialization;

namespace ChatApp.Notifications.Infrastructure.Smtp;

/// <summary>Where email goes (section <c>Smtp</c>). The AppHost points it at its development inbox unless <c>Smtp:Host</c> is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Empty: no authentication.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "chatapp@localhost";

    public string FromName { get; set; } = "ChatApp";

    /// <summary>How long one connection, greeting or send may take before it counts as a failed attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}

[JsonConverter(typeof(JsonStringEnumConverter<SmtpSecurity>))]
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a server on this machine.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (required); port 587.</summary>
    StartTls,

    /// <summary>TLS from the first byte; port 465.</summary>
    Tls,
}
