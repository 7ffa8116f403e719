namespace ChatApp.Identity.Domain;

/// <summary>The ways to pass sign-in's second step. New accounts use email.</summary>
public enum SecondFactor
{
    Email,
    Authenticator,
}
