using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Authenticators;

/// <summary>The secret to put in the app: as text to type, as an otpauth:// link, and as a QR code to scan.</summary>
public sealed record AuthenticatorEnrolment(string Secret, string OtpAuthUri, string QrCodePng);

/// <summary>
/// Starts setting up an authenticator app: a new secret, stored unconfirmed until the first
/// code from the app proves it was scanned correctly. Starting again replaces an unconfirmed one.
/// </summary>
public sealed class BeginAuthenticatorEnrolment(IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, IAuthenticators authenticators, IQrCodes qrCodes, TimeProvider clock)
{
    public static readonly Failure AlreadyEnrolled =
        new(FailureKind.Conflict, "Authenticator already set up", "Remove the current authenticator app before setting up another.");

    public async Task<Result<AuthenticatorEnrolment>> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await accounts.FindByIdAsync(unitOfWork, userId, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        if (await authenticators.LockAsync(unitOfWork, userId, cancellationToken) is { Confirmed: true })
            return AlreadyEnrolled;

        var secret = AuthenticatorCode.NewSecret();
        await authenticators.ReplaceUnconfirmedAsync(unitOfWork, userId, secret, clock.GetUtcNow(), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        var uri = AuthenticatorCode.EnrolmentUri(secret, user.Username);
        return new AuthenticatorEnrolment(AuthenticatorCode.DisplaySecret(secret), uri, qrCodes.PngDataUri(uri));
    }
}
