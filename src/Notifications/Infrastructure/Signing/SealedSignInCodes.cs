using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Events;

namespace ChatApp.Notifications.Infrastructure.Signing;

/// <summary>Opens sign-in codes with the <see cref="EventSeal"/> key Identity sealed them under, bound to their challenge.</summary>
public sealed class SealedSignInCodes(EventSeal seal) : ISignInCodes
{
    public string? Open(SignInCodeRequested request) => seal.Open(request.SealedCode, SignInCodeRequested.SealContext(request.ChallengeId));
}
