using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Secrets;
using ChatApp.Identity.Api;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Authenticators;
using ChatApp.Identity.Application.Directory;
using ChatApp.Identity.Application.Keys;
using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Infrastructure.Devices;
using ChatApp.Identity.Infrastructure.Passkeys;
using Fido2NetLib;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Application.Tokens;
using ChatApp.Identity.Infrastructure.Passwords;
using ChatApp.Identity.Infrastructure.RateLimiting;
using ChatApp.Identity.Infrastructure.Secrets;
using ChatApp.Identity.Infrastructure.SigningKeys;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using ChatApp.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Infrastructure;

public static class IdentityServiceCollectionExtensions
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
        builder.Services.AddSingleton<IAuthenticatorSecrets, ProtectedAuthenticatorSecrets>();
        builder.Services.AddSingleton<HmacKeys>();
        builder.Services.AddSingleton<ISignInCodeKey, SignInCodeKey>();
        return builder;
    }

    /// <summary>Signing keys, token issuing and checking against the service's own keys.</summary>
    public static IHostApplicationBuilder AddTokenIssuing(this IHostApplicationBuilder builder)
    {
        builder.AddTokenAuthentication();
        builder.Services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.Section);
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddHostedService<SigningKeyRotation>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, OwnKeysValidation>();
        builder.Services.AddOptions<RefreshCookieOptions>().BindConfiguration(RefreshCookieOptions.Section);
        builder.Services.AddSingleton<RefreshCookie>();
        return builder;
    }

    /// <summary>The use cases, with what they need: password hashing, attempt limits, the security event log.</summary>
    public static IHostApplicationBuilder AddIdentityUseCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.Section);
        builder.Services.AddSingleton<PasswordHashing>();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddSingleton<AttemptLimiter>();
        builder.Services.AddOptions<DeviceCookieOptions>().BindConfiguration(DeviceCookieOptions.Section);
        builder.Services.AddSingleton<DeviceCookies>();
        builder.Services.AddSingleton<DeviceCookieJar>();
        builder.Services.AddSingleton<SecurityEventLog>();
        builder.Services.AddHostedService<IdentityHousekeeping>();

        builder.Services.AddSingleton<RegisterAccount>();
        builder.Services.AddSingleton<GetMyAccount>();
        builder.Services.AddSingleton<ChangeDisplayName>();
        builder.Services.AddSingleton<ChangePassword>();
        // The code leaves Identity sealed for Notifications alone.
        builder.AddEventSeal();
        builder.Services.AddSingleton<SignInCodeMailer>();
        builder.Services.AddSingleton<StartSignIn>();
        builder.Services.AddSingleton<CompleteSignIn>();
        builder.Services.AddSingleton<ResendSignInCode>();
        builder.Services.AddSingleton<SessionStarter>();
        builder.Services.AddSingleton<RefreshSession>();
        builder.Services.AddSingleton<ListSessions>();
        builder.Services.AddSingleton<SignOut>();
        builder.Services.AddSingleton<BeginAuthenticatorEnrolment>();
        builder.Services.AddSingleton<ConfirmAuthenticator>();
        builder.Services.AddSingleton<RemoveAuthenticator>();
        builder.Services.AddSingleton<ChooseSecondFactor>();
        builder.Services.AddSingleton<BeginPasskeyRegistration>();
        builder.Services.AddSingleton<FinishPasskeyRegistration>();
        builder.Services.AddSingleton<ListPasskeys>();
        builder.Services.AddSingleton<RemovePasskey>();
        builder.Services.AddSingleton<BeginPasskeySignIn>();
        builder.Services.AddSingleton<PasskeyVerifier>();
        builder.Services.AddSingleton<SearchUsers>();
        builder.Services.AddSingleton<GetProfiles>();
        builder.Services.AddSingleton<PublishKeys>();
        builder.Services.AddSingleton<LookUpKeys>();
        builder.Services.AddSingleton<ListKeyHistory>();
        builder.Services.AddSingleton<StoreKeyBackup>();
        builder.Services.AddSingleton<GetKeyBackup>();

        builder.Services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.Section);
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

        builder.Services.AddValidatorsFromAssemblyContaining<RegisterRequestValidator>(ServiceLifetime.Singleton);

        // The gateway (on loopback, trusted unless ForwardedHeaders:KnownProxies says otherwise) passes the browser's address.
        builder.AddTrustedProxies(trustLoopback: true);
        return builder;
    }
}
