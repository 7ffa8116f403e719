namespace ChatApp.Identity.Application.SignIn;

/// <summary>What the user offers at sign-in's second step.</summary>
public enum SignInProof
{
    EmailCode,
    AuthenticatorCode,
    RecoveryCode,
}
