using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.SignIn;

/// <summary>Which second factors an account can use, its chosen one first: email always works.</summary>
public static class SecondFactors
{
    public static IReadOnlyList<SecondFactor> Available(UserAccount user) =>
        !user.HasAuthenticator ? [SecondFactor.Email]
        : user.SecondFactor == SecondFactor.Authenticator ? [SecondFactor.Authenticator, SecondFactor.Email]
        : [SecondFactor.Email, SecondFactor.Authenticator];
}
