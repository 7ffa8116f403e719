namespace ChatApp.Identity.Application.SignIn;

/// <summary>Seals an emailed sign-in code for Notifications alone: the event carries it, only Notifications can open it.</summary>
public interface ISignInCodeSeal
{
    string Seal(string code, Guid challengeId);
}
