using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Authenticators;
using ChatApp.Identity.Application.Directory;
using ChatApp.Identity.Application.Keys;
using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Application.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Identity.Application;

public static class IdentityUseCases
{
    /// <summary>Every use case of the service, with their limits; their stores, hashing, signing and WebAuthn come from Infrastructure.</summary>
    public static IServiceCollection AddIdentityUseCases(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.Section);

        services.AddSingleton<RegisterAccount>();
        services.AddSingleton<GetMyAccount>();
        services.AddSingleton<ChangeDisplayName>();
        services.AddSingleton<ChangePassword>();
        services.AddSingleton<SignInCodeMailer>();
        services.AddSingleton<StartSignIn>();
        services.AddSingleton<CompleteSignIn>();
        services.AddSingleton<ResendSignInCode>();
        services.AddSingleton<SessionStarter>();
        services.AddSingleton<SessionRevocation>();
        services.AddSingleton<RefreshSession>();
        services.AddSingleton<ListSessions>();
        services.AddSingleton<SignOut>();
        services.AddSingleton<BeginAuthenticatorEnrolment>();
        services.AddSingleton<ConfirmAuthenticator>();
        services.AddSingleton<RemoveAuthenticator>();
        services.AddSingleton<ChooseSecondFactor>();
        services.AddSingleton<BeginPasskeyRegistration>();
        services.AddSingleton<FinishPasskeyRegistration>();
        services.AddSingleton<ListPasskeys>();
        services.AddSingleton<RemovePasskey>();
        services.AddSingleton<BeginPasskeySignIn>();
        services.AddSingleton<PasskeyVerifier>();
        services.AddSingleton<SearchUsers>();
        services.AddSingleton<GetProfiles>();
        services.AddSingleton<PublishKeys>();
        services.AddSingleton<LookUpKeys>();
        services.AddSingleton<ListKeyHistory>();
        services.AddSingleton<StoreKeyBackup>();
        services.AddSingleton<GetKeyBackup>();
        return services;
    }
}
