using ChatApp.BuildingBlocks.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatApp.Identity.Infrastructure.SigningKeys;

/// <summary>
/// Identity checks the tokens it issued against its own key ring rather than fetching its own
/// discovery document over the network (it is not in its own service discovery).
/// </summary>
public sealed class OwnKeysValidation(SigningKeyRing ring, IOptions<TokenOptions> tokens) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options) => options.ConfigurationManager = new RingConfiguration(ring, tokens.Value.Issuer);

    private sealed class RingConfiguration(SigningKeyRing ring, string issuer) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
            foreach (var key in ring.ValidationKeys)
                configuration.SigningKeys.Add(key);
            return Task.FromResult(configuration);
        }

        public void RequestRefresh()
        {
            // The ring reloads itself from the database every minute.
        }
    }
}
