namespace ChatApp.Identity.Application.Passkeys;

/// <summary>
/// Who we are to WebAuthn: the relying party id is the site's host name (passkeys are bound to
/// it), and the browser's origin must be one of <see cref="Origins"/>.
/// </summary>
public sealed class PasskeyOptions
{
    public const string Section = "Passkeys";

    public string RelyingPartyId { get; set; } = "localhost";

    public string RelyingPartyName { get; set; } = "ChatApp";

    /// <summary>Comma-separated origins the web app is served from (the gateway's address).</summary>
    public string Origins { get; set; } = "http://localhost:5080";

    /// <summary>How long the browser has to answer a ceremony.</summary>
    public TimeSpan CeremonyLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
