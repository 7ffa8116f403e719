using ChatApp.BuildingBlocks.Eventing;
using Fido2NetLib;
using Microsoft.Extensions.Logging;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>
/// Checks a passkey assertion for a sign-in challenge: against the options issued for that
/// challenge (once), the user's stored public key, and a signature counter that must move on
/// (a counter going backwards means a cloned authenticator).
/// </summary>
public sealed partial class PasskeyVerifier(IFido2 fido2, ILogger<PasskeyVerifier> logger)
{
    public async Task<bool> AcceptsAsync(UnitOfWork unitOfWork, Guid challengeId, Guid userId, AuthenticatorAssertionRawResponse? assertion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (assertion is null || await WebAuthnCeremonies.TakeAsync(unitOfWork, challengeId, userId, now, cancellationToken) is not { } optionsJson)
            return false;
        var stored = (await PasskeyStore.OfUserAsync(unitOfWork, userId, cancellationToken)).FirstOrDefault(p => p.CredentialId.AsSpan().SequenceEqual(assertion.RawId));
        if (stored is null)
            return false;

        try
        {
            var result = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = assertion,
                OriginalOptions = AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = stored.PublicKey,
                StoredSignatureCounter = (uint)stored.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(args.UserHandle is null || (args.UserHandle.Length == 16 && new Guid(args.UserHandle) == userId)),
            }, cancellationToken);
            await PasskeyStore.MarkUsedAsync(unitOfWork, stored.CredentialId, result.SignCount, now, cancellationToken);
            return true;
        }
        catch (Fido2VerificationException exception)
        {
            LogRefused(logger, userId, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passkey assertion for user {UserId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid userId, string reason);
}
