using System.Text.Json;
using ChatApp.Identity.Application.Accounts;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>What the browser passes to navigator.credentials.create(), and the id to answer with.</summary>
public sealed record PasskeyRegistrationStarted(Guid CeremonyId, JsonElement Options);

/// <summary>Starts adding a passkey: WebAuthn creation options that exclude the passkeys I already have.</summary>
public sealed class BeginPasskeyRegistration(
    IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, IPasskeys passkeys, IWebAuthn webAuthn, IOptions<PasskeyOptions> options, TimeProvider clock)
{
    public async Task<PasskeyRegistrationStarted> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await accounts.FindByIdAsync(unitOfWork, userId, cancellationToken)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        var existing = await passkeys.OfUserAsync(unitOfWork, userId, cancellationToken);

        var json = webAuthn.RegistrationOptions(userId, user.Username, user.DisplayName, existing.Select(passkey => passkey.CredentialId));
        var ceremonyId = Guid.NewGuid();
        await passkeys.SaveCeremonyAsync(unitOfWork, ceremonyId, userId, json, clock.GetUtcNow() + options.Value.CeremonyLifetime, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new PasskeyRegistrationStarted(ceremonyId, JsonDocument.Parse(json).RootElement.Clone());
    }
}
