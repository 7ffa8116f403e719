using ChatApp.Contracts;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.SignIn;

/// <summary>
/// Issues a new email code on a challenge and queues the email (through the outbox, with the
/// challenge's update), the code sealed for Notifications: only its keyed hash is kept here.
/// </summary>
public sealed class SignInCodeMailer(ISecurityEventLog securityEvents, ISignInCodeSeal seal, ISignInCodeKey codeKey, TimeProvider clock)
{
    public async Task SendAsync(IUnitOfWork unitOfWork, SignInChallenge challenge, UserAccount user, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var code = challenge.IssueCode(now, await codeKey.GetAsync(cancellationToken));
        await unitOfWork.EnqueueEventAsync(new SignInCodeRequested(
            challenge.Id, user.Id, user.Email, user.DisplayName, user.Language, seal.Seal(code, challenge.Id), challenge.CodeExpiresAt!.Value, client.ToString(), now), cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SignInCodeSent, client, user.Id, cancellationToken: cancellationToken);
    }
}
