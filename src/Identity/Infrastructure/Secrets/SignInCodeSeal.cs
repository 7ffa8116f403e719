using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Contracts;
using ChatApp.Identity.Application.SignIn;

namespace ChatApp.Identity.Infrastructure.Secrets;

/// <summary>Sign-in codes sealed with the <see cref="EventSeal"/> Identity shares with Notifications alone.</summary>
internal sealed class SignInCodeSeal(EventSeal seal) : ISignInCodeSeal
{
    public string Seal(string code, Guid challengeId) => seal.Seal(code, SignInCodeRequested.SealContext(challengeId));
}
