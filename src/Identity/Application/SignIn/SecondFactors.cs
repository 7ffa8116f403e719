using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.SignIn;

/// <summary>Which second factors an account can use, its chosen one first: email always works.</summary>
public static class SecondFactors
{
    public static IReadOnlyList<SecondFactor> Available(UserAccount user)
    {
        var enrolled = new List<SecondFactor> { SecondFactor.Email };
        if (user.HasAuthenticator)
            enrolled.Add(SecondFactor.Authenticator);
        if (user.HasPasskey)
            enrolled.Add(SecondFactor.Passkey);
        return [.. enrolled.OrderBy(factor => factor == user.SecondFactor ? 0 : 1)];
    }
}
