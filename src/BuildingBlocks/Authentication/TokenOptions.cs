namespace ChatApp.BuildingBlocks.Authentication;

/// <summary>
/// What an access token must say to be accepted. Identity signs tokens with these values and
/// every service checks them; the signing keys come from Identity's JWKS, found through its
/// OpenID discovery document, so no service holds a secret.
/// </summary>
public sealed class TokenOptions
{
    public const string Section = "Tokens";

    /// <summary>The issuer, also the base address of Identity's discovery document. <c>http://identity</c> resolves through service discovery.</summary>
    public string Issuer { get; set; } = "http://identity";

    public string Audience { get; set; } = "chatapp";

    /// <summary>Leeway for clocks that disagree a little between machines.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How soon after one key-set fetch a token with an unknown key may cause another. Keys are
    /// published ahead of use, so this only matters after an abrupt rotation.
    /// </summary>
    public TimeSpan KeySetRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the key set is fetched anyway, which picks up keys published ahead of use.</summary>
    public TimeSpan KeySetAutomaticRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    public Uri MetadataAddress => new($"{Issuer.TrimEnd('/')}/.well-known/openid-configuration");
}
