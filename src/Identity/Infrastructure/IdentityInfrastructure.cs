using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Secrets;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Authenticators;
using ChatApp.Identity.Application.Directory;
using ChatApp.Identity.Application.Keys;
using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Application.Tokens;
using ChatApp.Identity.Infrastructure.Authenticators;
using ChatApp.Identity.Infrastructure.Devices;
using ChatApp.Identity.Infrastructure.Passkeys;
using ChatApp.Identity.Infrastructure.Passwords;
using ChatApp.Identity.Infrastructure.Persistence;
using ChatApp.Identity.Infrastructure.RateLimiting;
using ChatApp.Identity.Infrastructure.Secrets;
using ChatApp.Identity.Infrastructure.SigningKeys;
using Fido2NetLib;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Infrastructure;

public static class IdentityInfrastructure
{
    /// <summary>
    /// The secrets Identity keeps in its database (token-signing private keys, authenticator
    /// secrets) encrypted with Data Protection, its key ring encrypted with the configured
    /// key-encryption keys. Call it right after AddServiceDatabase.
    /// </summary>
    public static IHostApplicationBuilder AddIdentitySecrets(this IHostApplicationBuilder builder)
    {
        builder.AddSecretProtection("ChatApp.Identity",
            new SecretColumn("signing_keys", "key_id", "private_key", SigningKeyRing.Purpose),
            new SecretColumn("authenticators", "user_id", "secret", ProtectedAuthenticatorSecrets.Purpose));
        builder.Services.AddSingleton<ProtectedAuthenticatorSecrets>();
        builder.Services.AddSingleton<HmacKeys>();
        builder.Services.AddSingleton<ISignInCodeKey, SignInCodeKey>();
        // The code leaves Identity sealed for Notifications alone.
        builder.AddEventSeal();
        builder.Services.AddSingleton<ISignInCodeSeal, SignInCodeSeal>();
        return builder;
    }

    /// <summary>
    /// Signing keys, token issuing and checking against the service's own keys; the stores; password
    /// hashing, attempt limits, device cookies, the security event log, WebAuthn; hourly housekeeping.
    /// </summary>
    public static IHostApplicationBuilder AddIdentityInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.AddTokenAuthentication();
        builder.Services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.Section);
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddHostedService<SigningKeyRotation>();
        builder.Services.AddSingleton<IAccessTokenIssuer, AccessTokenIssuer>();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, OwnKeysValidation>();

        builder.Services.AddSingleton<IUserAccounts, MySqlUserAccounts>();
        builder.Services.AddSingleton<IUserDirectory, MySqlUserDirectory>();
        builder.Services.AddSingleton<ISignInChallenges, MySqlSignInChallenges>();
        builder.Services.AddSingleton<ISessions, MySqlSessions>();
        builder.Services.AddSingleton<IAuthenticators, MySqlAuthenticators>();
        builder.Services.AddSingleton<IPasskeys, MySqlPasskeys>();
        builder.Services.AddSingleton<IUserKeys, MySqlUserKeys>();
        builder.Services.AddSingleton<ISecurityEventLog, MySqlSecurityEventLog>();

        builder.Services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.Section);
        builder.Services.AddSingleton<IPasswordHasher, PasswordHashing>();
        builder.Services.AddSingleton<AttemptLimiter>();
        builder.Services.AddSingleton<IAttemptLimiter>(services => services.GetRequiredService<AttemptLimiter>());
        builder.Services.AddOptions<DeviceCookieOptions>().BindConfiguration(DeviceCookieOptions.Section);
        builder.Services.AddSingleton<DeviceCookies>();
        builder.Services.AddSingleton<IDeviceCookies>(services => services.GetRequiredService<DeviceCookies>());
        builder.Services.AddSingleton<IQrCodes, PngQrCodes>();
        builder.Services.AddHostedService<IdentityHousekeeping>();

        builder.Services.AddSingleton<IFido2>(services =>
        {
            var passkeys = services.GetRequiredService<IOptions<PasskeyOptions>>().Value;
            return new Fido2(new Fido2Configuration
            {
                ServerDomain = passkeys.RelyingPartyId,
                ServerName = passkeys.RelyingPartyName,
                Origins = passkeys.Origins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
            });
        });
        builder.Services.AddSingleton<IWebAuthn, Fido2WebAuthn>();
        return builder;
    }
}
