namespace ChatApp.Calls.Application.IceServers;

/// <summary>
/// The <c>Turn</c> configuration section: the STUN and TURN servers browsers use to reach each
/// other, and the secret shared with the TURN server (coturn's <c>static-auth-secret</c>).
/// </summary>
public sealed class TurnOptions
{
    public const string Section = "Turn";

    /// <summary>turn: and turns: URLs, for example <c>turn:turn.example.com:3478?transport=udp</c>.</summary>
    public string[] Urls { get; set; } = [];

    /// <summary>stun: URLs; they need no credentials.</summary>
    public string[] StunUrls { get; set; } = [];

    public string Secret { get; set; } = "";

    /// <summary>How long the credentials handed out stay valid.</summary>
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromHours(1);
}
